package io.rdswatch.agent.feature;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.instance.InstanceConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a section's rules learn about the rest of the file. */
class ConfigFactsTest {

  private static InstanceConfig instance(String name) {
    return new InstanceConfig(name, "localhost", 1433, "monitor", "secret", Map.of());
  }

  @Test
  void staticInstancesKeepTheirPositionAndSkipEmptyEntries() {
    ConfigFacts facts = new ConfigFacts(Arrays.asList(instance("a"), null, instance("c")), false);

    assertThat(facts.staticInstances())
        .extracting(ConfigFacts.IndexedInstance::path)
        .containsExactly("instances[0]", "instances[2]");
    assertThat(new ConfigFacts(null, false).staticInstances()).isEmpty();
  }

  @Test
  void theFileDecidesTheInstanceNamesOnlyWithoutDiscovery() {
    List<InstanceConfig> listed = Arrays.asList(instance("a"), null, instance(null), instance("b"));

    assertThat(new ConfigFacts(listed, false).knownInstanceNames()).contains(Set.of("a", "b"));
    assertThat(new ConfigFacts(listed, true).knownInstanceNames()).isEmpty();
    assertThat(new ConfigFacts(null, false).knownInstanceNames()).isEmpty();
  }
}
