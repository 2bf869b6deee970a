package io.rdswatch.agent.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RendezvousTest {

  private static final List<String> NAMES =
      IntStream.range(0, 5000).mapToObj(i -> "db-" + i + "-prod").toList();

  @Test
  void oneShardOwnsEverything() {
    assertThat(NAMES).allSatisfy(n -> assertThat(Rendezvous.owner(n, 1)).isZero());
  }

  @Test
  void growingByOneShardMovesOnlyWhatTheNewShardWinsAboutOneInNPlusOne() {
    for (int n = 1; n < 12; n++) {
      int from = n;
      List<String> moved =
          NAMES.stream()
              .filter(x -> Rendezvous.owner(x, from) != Rendezvous.owner(x, from + 1))
              .toList();
      assertThat(moved).allSatisfy(x -> assertThat(Rendezvous.owner(x, from + 1)).isEqualTo(from));
      double share = moved.size() / (double) NAMES.size();
      assertThat(share)
          .as("share moved going from %d to %d shards", n, n + 1)
          .isBetween(0.8 / (n + 1), 1.2 / (n + 1));
    }
  }

  @Test
  void namesCompareCaseInsensitivelyAsRdsIdentifiersDo() {
    assertThat(NAMES)
        .allSatisfy(
            n ->
                assertThat(Rendezvous.owner(n.toUpperCase(), 7)).isEqualTo(Rendezvous.owner(n, 7)));
  }

  /**
   * Agents of different versions must agree on who owns what, so the hash function may never
   * change: these owners were computed once and are pinned.
   */
  @Test
  void theHashIsPinnedAcrossVersions() {
    assertThat(
            List.of(
                    "orders-prod",
                    "billing",
                    "sql-0",
                    "sql-299",
                    "Reporting-DR",
                    "hr",
                    "eu-west-1-crm",
                    "x")
                .stream()
                .map(n -> Rendezvous.owner(n, 5)))
        .containsExactly(PINNED);
  }

  private static final Integer[] PINNED = {0, 1, 0, 1, 0, 4, 4, 1};

  @Test
  void theShardedSourceKeepsOnlyItsShareOfStaticAndDiscoveredInstances() {
    List<InstanceTarget> all =
        NAMES.subList(0, 600).stream()
            .map(
                n ->
                    new InstanceTarget(
                        n,
                        "127.0.0.1",
                        1433,
                        "u",
                        PasswordSource.literal("p"),
                        Map.of(),
                        Map.of(),
                        null,
                        n.hashCode() % 2 == 0 ? "static" : "discovery us-east-1"))
            .toList();
    List<List<String>> shares =
        IntStream.range(0, 3)
            .mapToObj(
                i ->
                    new ShardedInstanceSource(() -> all, new ShardConfig(i, 3))
                        .targets().stream().map(InstanceTarget::name).toList())
            .toList();

    assertThat(shares.stream().flatMap(List::stream))
        .containsExactlyInAnyOrderElementsOf(NAMES.subList(0, 600));
    assertThat(new ShardedInstanceSource(() -> all, new ShardConfig()).targets()).isEqualTo(all);
  }

  @Test
  void aShardCountBelowOneIsRefused() {
    assertThatThrownBy(() -> Rendezvous.owner("a", 0)).hasMessageContaining("at least 1");
  }
}
