package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.ConfigLoader;
import io.rdswatch.agent.instance.InstanceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example /etc/rdswatch/config.yml the package installs loads with the agent's own loader. */
class ExampleConfigTest {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}");

  @Test
  void loadsWithTheVariablesTheDefaultsFileProvides(@TempDir Path tmp) throws Exception {
    String example = OpsFiles.read(OpsFiles.EXAMPLE_CONFIG);
    // the validator insists that stateDir is writable; /var/lib/rdswatch is only that under systemd
    assertThat(example).contains("stateDir: /var/lib/rdswatch\n");
    Path config = tmp.resolve("config.yml");
    // and that the trust store the admin builds (README "Connecting with TLS") is readable
    Path store = Files.writeString(tmp.resolve("rds-truststore.p12"), "");
    Path storePassword = Files.writeString(tmp.resolve("rds-truststore.password"), "pw\n");
    Files.writeString(
        config,
        example
            .replace("stateDir: /var/lib/rdswatch\n", "stateDir: " + tmp.resolve("state") + "\n")
            .replace("/etc/rdswatch/rds-truststore.p12", store.toString())
            .replace("/etc/rdswatch/rds-truststore.password", storePassword.toString()));
    Map<String, String> env = defaultsFile();

    AgentConfiguration loaded =
        new ConfigLoader()
            .build(
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), strict(env)),
                config.toString());

    InstanceConfig orders = loaded.getInstances().get(0);
    assertThat(orders.getName()).isEqualTo("orders-prod");
    assertThat(orders.getPassword()).isEqualTo(env.get("ORDERS_PROD_PASSWORD"));
    assertThat(orders.getBackupWindow()).isEqualTo("03:00-03:30");
    assertThat(loaded.getTls().getTrustStore())
        .as("the example checks certificates")
        .isEqualTo(store.toString());
    assertThat(orders.getJdbcProperties())
        .containsEntry("trustStore", store.toString())
        .containsEntry("trustServerCertificate", "false")
        .containsEntry("trustStorePassword", "pw");
    assertThat(example).doesNotContain("trustServerCertificate: \"true\"");
    assertThat(loaded.getHttp().getPort()).isEqualTo(9860);
  }

  @Test
  void everyVariableTheExampleUsesIsInTheDefaultsFile() throws IOException {
    Map<String, String> env = defaultsFile();
    // substitution runs before YAML parsing, so a variable in a comment must be defined too
    Matcher m = VARIABLE.matcher(OpsFiles.read(OpsFiles.EXAMPLE_CONFIG));
    while (m.find()) {
      assertThat(env).as("/etc/default/rdswatch defines " + m.group(1)).containsKey(m.group(1));
    }
  }

  /**
   * VAR=value lines of packaging/deb/etc/default/rdswatch, as systemd's EnvironmentFile= reads
   * them.
   */
  private static Map<String, String> defaultsFile() throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line :
        Files.readAllLines(OpsFiles.ROOT.resolve("packaging/deb/etc/default/rdswatch"))) {
      String t = line.trim();
      if (!t.isEmpty() && !t.startsWith("#")) {
        int eq = t.indexOf('=');
        assertThat(eq).as("VAR=value: " + t).isPositive();
        env.put(t.substring(0, eq), t.substring(eq + 1).replaceAll("^\"|\"$", ""));
      }
    }
    return env;
  }

  private static StringSubstitutor strict(Map<String, String> env) {
    StringSubstitutor substitutor = new StringSubstitutor(env);
    substitutor.setEnableUndefinedVariableException(true);
    return substitutor;
  }
}
