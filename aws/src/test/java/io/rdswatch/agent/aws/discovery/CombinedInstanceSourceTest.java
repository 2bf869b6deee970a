package io.rdswatch.agent.aws.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.aws.LogCapture;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CombinedInstanceSourceTest {

  private static InstanceTarget target(String name, String origin) {
    return new InstanceTarget(
        name,
        name + ".host",
        1433,
        "u",
        PasswordSource.literal("p"),
        Map.of(),
        Map.of(),
        null,
        origin);
  }

  @Test
  void staticFirstThenDiscoveredAndTheDiscoveredListIsReadLive() {
    List<InstanceTarget> discovered = new ArrayList<>(List.of(target("a", "aws:eu-west-1")));
    var source =
        new CombinedInstanceSource(List.of(target("s", "static")), () -> List.copyOf(discovered));

    assertThat(source.targets()).extracting(InstanceTarget::name).containsExactly("s", "a");
    discovered.add(target("b", "aws:us-east-1"));
    discovered.remove(0);
    assertThat(source.targets()).extracting(InstanceTarget::name).containsExactly("s", "b");
    assertThat(source.clashes()).isEmpty();
  }

  @Test
  void aNameClashIsAConfigErrorAndTheDiscoveredDuplicateIsSkippedAndLoggedOnce() {
    var source =
        new CombinedInstanceSource(
            List.of(target("orders", "static")),
            () ->
                List.of(
                    target("orders", "aws:eu-west-1"),
                    target("web", "aws:eu-west-1"),
                    target("web", "aws:us-east-1")));

    assertThat(source.clashes())
        .containsExactly(
            "discovery: instance 'orders' from aws:eu-west-1 has the same name as a static instance"
                + " (rds_instance must be unique); skipped",
            "discovery: instance 'web' from aws:us-east-1 has the same name as an instance from aws:eu-west-1"
                + " (rds_instance must be unique); skipped");
    try (LogCapture logs = new LogCapture()) {
      assertThat(source.targets())
          .extracting(InstanceTarget::origin)
          .containsExactly("static", "aws:eu-west-1");
      source.targets();
      assertThat(logs.lines()).filteredOn(l -> l.startsWith("ERROR")).hasSize(2);
    }
  }
}
