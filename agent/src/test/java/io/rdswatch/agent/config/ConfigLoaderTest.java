package io.rdswatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.instance.InstanceConfig;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.StaticInstanceSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  @Test
  void readsEveryKeyOfTheFullExample() throws Exception {
    AgentConfiguration config =
        ConfigLoader.load(Path.of("src/test/resources/config/good/full.yml"));

    assertThat(config.getHttp().getBind()).isEqualTo("0.0.0.0");
    assertThat(config.getHttp().getPort()).isEqualTo(9870);
    assertThat(config.getHttp().getAdminPort()).isEqualTo(9871);
    assertThat(config.getPoll().interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.getPoll().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.getPoll().concurrency()).isEqualTo(4);
    assertThat(config.getPoll().stallAfter()).isEqualTo(Duration.ofMinutes(45));
    assertThat(config.stateDir()).isEqualTo(Path.of("target-state/rdswatch"));
    InstanceConfig orders = config.getInstances().get(0);
    assertThat(orders.getJdbcProperties())
        .containsExactly(
            Map.entry("encrypt", "true"), Map.entry("trustServerCertificate", "false"));
    assertThat(orders.getLabels())
        .containsOnly(Map.entry("team", "payments"), Map.entry("env", "prod"));
    assertThat(orders.getBackupWindow()).isEqualTo("03:00-03:30");
    assertThat(config.getInstances().get(1).getPort()).isEqualTo(1433);
  }

  @Test
  void defaultsMatchTheDocumentedShape() throws Exception {
    AgentConfiguration config =
        ConfigLoader.load(Path.of("src/test/resources/config/good/minimal.yml"));

    assertThat(config.getHttp().getBind()).isEqualTo("127.0.0.1");
    assertThat(config.getHttp().getPort()).isEqualTo(9860);
    assertThat(config.getHttp().getAdminPort()).isEqualTo(9861);
    assertThat(config.getPoll().interval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.getPoll().timeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.getPoll().concurrency()).isEqualTo(16);
    assertThat(config.getPoll().stallAfter()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.getStateDir()).isEqualTo("/var/lib/rdswatch");
    assertThat(config.getInstances().get(0).getPort()).isEqualTo(1433);
    assertThat(config.getInstances().get(0).getLabels()).isEmpty();
  }

  @Test
  void substitutesEnvironmentVariables() throws Exception {
    AgentConfiguration config =
        ConfigLoader.load(Path.of("src/test/resources/config/good/full.yml"));

    // full.yml says password: ${HOME}, a variable every test environment has
    InstanceTarget orders = new StaticInstanceSource(config.getInstances()).targets().get(0);
    assertThat(orders.password().password()).isEqualTo(System.getenv("HOME")).isNotBlank();
  }

  @Test
  void staticInstancesBecomeTargetsAndPasswordFilesAreTrimmed() throws Exception {
    AgentConfiguration config =
        ConfigLoader.load(Path.of("src/test/resources/config/good/full.yml"));

    var targets = new StaticInstanceSource(config.getInstances()).targets();

    assertThat(targets)
        .extracting(InstanceTarget::name)
        .containsExactly("orders-prod", "billing-prod");
    InstanceTarget billing = targets.get(1);
    assertThat(billing.origin()).isEqualTo("static");
    assertThat(billing.password().password()).isEqualTo("s3cret-from-file");
    assertThat(billing.toString()).doesNotContain("s3cret");
    assertThat(targets.get(0).labels()).containsEntry("team", "payments");
    assertThat(targets.get(0).backupWindow()).isEqualTo("03:00-03:30");
  }

  @Test
  void serverIsBuiltFromTheHttpSection() throws Exception {
    AgentConfiguration config =
        ConfigLoader.load(Path.of("src/test/resources/config/good/full.yml"));

    var server = (io.dropwizard.core.server.DefaultServerFactory) config.getServerFactory();
    var app = (io.dropwizard.jetty.HttpConnectorFactory) server.getApplicationConnectors().get(0);
    var admin = (io.dropwizard.jetty.HttpConnectorFactory) server.getAdminConnectors().get(0);
    assertThat(app.getBindHost()).isEqualTo("0.0.0.0");
    assertThat(app.getPort()).isEqualTo(9870);
    assertThat(admin.getPort()).isEqualTo(9871);
    assertThat(config.getServerFactory()).isSameAs(server);
  }
}
