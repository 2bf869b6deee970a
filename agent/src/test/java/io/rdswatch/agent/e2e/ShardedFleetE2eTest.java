package io.rdswatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.ConfigLoader;
import io.rdswatch.agent.shard.ShardConfig;
import io.rdswatch.simulator.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several real agents over one config, each with its own shard, against one simulated fleet of 300
 * instances: together they watch every instance exactly once, and adding a shard moves few of them.
 */
class ShardedFleetE2eTest {

  private static final int INSTANCES = 300;
  private static final Pattern UP =
      Pattern.compile("(?m)^rdswatch_up\\{rds_instance=\"([^\"]+)\"[^}]*} (\\S+)$");

  @TempDir Path dir;

  @Test
  void threeShardsWatchEveryInstanceOnceAndAFourthMovesFewOfThem() throws Exception {
    String[] names = IntStream.range(0, INSTANCES).mapToObj(i -> "sql-" + i).toArray(String[]::new);
    try (SimulatedFleet fleet = SimulatedFleet.start(Scenario.blank(names))) {
      Map<String, Integer> byThree = ownersWith(fleet, 3);
      Map<String, Integer> byFour = ownersWith(fleet, 4);

      assertThat(byThree).hasSize(INSTANCES).containsOnlyKeys(byFour.keySet());
      for (int shard = 0; shard < 3; shard++) {
        int s = shard;
        // rendezvous hashing spreads 300 names evenly enough that no agent is idle or doubly loaded
        assertThat(byThree.values().stream().filter(v -> v == s).count())
            .as("instances on shard %d/3", s)
            .isBetween(70L, 130L);
      }
      long moved =
          byThree.keySet().stream().filter(n -> !byThree.get(n).equals(byFour.get(n))).count();
      assertThat(moved)
          .as("instances that changed agent going from 3 to 4 shards")
          .isPositive()
          .isLessThanOrEqualTo(INSTANCES * 30 / 100);
      // the instances that moved all went to the new agent: none moved between the old three
      assertThat(byThree.keySet())
          .filteredOn(n -> !byThree.get(n).equals(byFour.get(n)))
          .allSatisfy(n -> assertThat(byFour.get(n)).isEqualTo(3));
    }
  }

  @Test
  void aBadShardFlagIsNamedAndTheAgentDoesNotStart() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("rdswatch.yml"),
            "stateDir: "
                + dir.resolve("state")
                + "\n"
                + "instances:\n  - { name: a, host: 127.0.0.1, username: u, password: p }\n");

    CliRun outOfRange = CliRun.of("agent", "--config", config.toString(), "--shard", "3/3");
    CliRun malformed =
        CliRun.of("agent", "--config", config.toString(), "--shard", "first-of-three");

    assertThat(outOfRange.exitCode()).isEqualTo(2);
    assertThat(outOfRange.err())
        .contains("--shard.index: must be between 0 and count - 1 (2), got 3");
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err())
        .contains("--shard: expected INDEX/COUNT such as 0/3 (or 0-of-3), got 'first-of-three'");
  }

  @Test
  void stateDirReplacesTheFilesBeforeItIsCheckedAndIsCheckedLikeIt() throws Exception {
    Path notADir = Files.writeString(dir.resolve("a-file"), "");
    Path config =
        Files.writeString(
            dir.resolve("rdswatch.yml"),
            "stateDir: "
                + notADir
                + "\n"
                + "instances:\n  - { name: a, host: 127.0.0.1, username: u, password: p }\n");

    // the file's own stateDir is unusable, but this shard's is fine: only the bad --shard is
    // reported
    CliRun overridden =
        CliRun.of(
            "agent",
            "--config",
            config.toString(),
            "--state-dir",
            dir.resolve("shard-2").toString(),
            "--shard",
            "2-of-2");
    CliRun badDir =
        CliRun.of(
            "agent",
            "--config",
            config.toString(),
            "--state-dir",
            notADir.toString(),
            "--shard",
            "1-of-2");

    assertThat(overridden.exitCode()).isEqualTo(2);
    assertThat(overridden.err())
        .contains("--shard.index: must be between 0 and count - 1 (1), got 2")
        .doesNotContain("stateDir");
    assertThat(badDir.exitCode()).isEqualTo(2);
    assertThat(badDir.err())
        .contains(
            "--state-dir: '" + notADir + "' is not a writable directory",
            "stateDir: '" + notADir + "' is not a writable directory");
  }

  /**
   * README "Running at scale": shards on one host share config.yml and take their ports from the
   * environment.
   */
  @Test
  void aSharedConfigTakesEachShardsPortsFromTheEnvironmentWithDefaults() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("rdswatch.yml"),
            "http:\n"
                + "  port: ${RDSWATCH_TEST_SURELY_UNSET_PORT:-9870}\n  adminPort: ${RDSWATCH_TEST_SURELY_UNSET_ADMIN:-9871}\n"
                + "stateDir: "
                + dir.resolve("state")
                + "\n"
                + "instances:\n  - { name: a, host: 127.0.0.1, username: u, password: p }\n");

    AgentConfiguration loaded = ConfigLoader.load(config);

    assertThat(loaded.getHttp().getPort()).isEqualTo(9870);
    assertThat(loaded.getHttp().getAdminPort()).isEqualTo(9871);
  }

  /**
   * Starts {@code count} agents with shards 0/count .. count-1/count over the same config, polls
   * once each, and returns which agent reports each instance rdswatch_up 1, failing if two do or
   * one is 0.
   */
  private Map<String, Integer> ownersWith(SimulatedFleet fleet, int count) throws Exception {
    Map<String, Integer> owner = new HashMap<>();
    List<RunningAgent> agents = new ArrayList<>();
    try {
      for (int shard = 0; shard < count; shard++) {
        Path state = Files.createDirectories(dir.resolve(count + "-" + shard));
        agents.add(
            RunningAgent.start(
                fleet
                    .config(state, Duration.ofSeconds(60), Duration.ofSeconds(15))
                    .withShard(new ShardConfig(shard, count)),
                fleet.agentClock(),
                false));
      }
      for (int shard = 0; shard < count; shard++) {
        RunningAgent agent = agents.get(shard);
        agent.pollOnce();
        String page = agent.metrics();
        assertThat(page)
            .contains("rdswatch_shard_info{shard=\"" + shard + "\",shards=\"" + count + "\",} 1.0");
        Matcher m = UP.matcher(page);
        while (m.find()) {
          assertThat(m.group(2))
              .as("rdswatch_up of %s on shard %d/%d", m.group(1), shard, count)
              .isEqualTo("1.0");
          Integer previous = owner.put(m.group(1), shard);
          assertThat(previous)
              .as("%s is watched by shards %s and %d of %d", m.group(1), previous, shard, count)
              .isNull();
        }
      }
    } finally {
      agents.forEach(RunningAgent::close);
    }
    return owner;
  }
}
