package io.rdswatch.agent.aws.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.rdswatch.agent.aws.discovery.RdsXml.Db;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.prometheus.client.CollectorRegistry;
import io.rdswatch.agent.aws.AwsFakes;
import io.rdswatch.agent.aws.secrets.SecretSources;
import io.rdswatch.agent.aws.secrets.SecretsManagerConfig;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RdsDiscoveryTest {

  private WireMockServer aws;
  private final CollectorRegistry registry = new CollectorRegistry();
  private SecretSources secrets;
  private DiscoveryService discovery;

  @BeforeEach
  void start() {
    aws = AwsFakes.wireMock();
    secrets =
        SecretSources.create(
            AwsFakes.factory(),
            AwsFakes.yaml("endpoint: " + aws.baseUrl(), SecretsManagerConfig.class));
  }

  @AfterEach
  void stop() {
    if (discovery != null) {
      discovery.close();
    }
    secrets.close();
    aws.stop();
  }

  private DiscoveryService discovery(String extraYaml) {
    String yaml =
        "regions: [eu-west-1, us-east-1]\n"
            + "endpoint: "
            + aws.baseUrl()
            + "\n"
            + "credentials:\n  default: { username: rdswatch, password: pw-default }\n"
            + extraYaml;
    discovery =
        DiscoveryService.create(
            AwsFakes.yaml(yaml, AwsDiscoveryConfig.class), AwsFakes.factory(), secrets, registry);
    return discovery;
  }

  private double metric(String name, String region) {
    Double v = registry.getSampleValue(name, new String[] {"region"}, new String[] {region});
    return v == null ? Double.NaN : v;
  }

  @Test
  void followsMarkersAcrossRegionsAndKeepsOnlySqlServerInstancesWithEndpoints() {
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(
                RdsXml.page(
                    "page-2",
                    Db.sqlServer(
                        "orders-prod",
                        1433,
                        Map.of("team", "payments", "aws:cloudformation:stack-name", "s1")),
                    new Db(
                        "analytics",
                        "postgres",
                        "pg.abc.rds.amazonaws.com",
                        5432,
                        null,
                        Map.of()))));
    aws.stubFor(
        RdsXml.describe("eu-west-1", "page-2")
            .willReturn(
                RdsXml.page(
                    null,
                    Db.sqlServer("billing", 14330, Map.of()),
                    new Db("creating", "sqlserver-ee", null, 0, null, Map.of()),
                    new Db("legacy", "mysql", "my.abc.rds.amazonaws.com", 3306, null, Map.of()))));
    aws.stubFor(
        RdsXml.describe("us-east-1", null)
            .willReturn(
                RdsXml.page(
                    null,
                    new Db(
                        "web-us",
                        "sqlserver-web",
                        "web-us.xyz.rds.amazonaws.com",
                        1433,
                        null,
                        Map.of("env", "prod")))));

    List<InstanceTarget> found = discovery("").refreshNow();

    assertThat(found)
        .extracting(InstanceTarget::name)
        .containsExactly("orders-prod", "billing", "web-us");
    InstanceTarget orders = found.get(0);
    assertThat(orders.host()).isEqualTo("orders-prod.abc.rds.amazonaws.com");
    assertThat(orders.port()).isEqualTo(1433);
    assertThat(orders.username()).isEqualTo("rdswatch");
    assertThat(orders.backupWindow()).isEqualTo("03:00-03:30");
    assertThat(orders.origin()).isEqualTo("aws:eu-west-1");
    assertThat(orders.labels())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("tag_team", "payments", "tag_aws_cloudformation_stack_name", "s1"));
    InstanceTarget billing = found.get(1);
    assertThat(billing.port()).isEqualTo(14330);
    assertThat(billing.labels()).as("untagged instances are included").isEmpty();
    assertThat(found.get(2).origin()).isEqualTo("aws:us-east-1");
    assertThat(found.get(2).backupWindow()).isNull();

    aws.verify(
        2,
        postRequestedFor(urlEqualTo("/"))
            .withHeader("Authorization", containing("/eu-west-1/rds/")));
    assertThat(metric("rdswatch_discovery_instances", "eu-west-1")).isEqualTo(2);
    assertThat(metric("rdswatch_discovery_instances", "us-east-1")).isEqualTo(1);
    assertThat(metric("rdswatch_discovery_errors_total", "eu-west-1")).isZero();
  }

  private Double status(String instance, String status) {
    return registry.getSampleValue(
        "rdswatch_instance_status",
        new String[] {"rds_instance", "status"},
        new String[] {instance, status});
  }

  @Test
  void onlyInstancesThatTakeConnectionsArePolledAndEveryStatusIsExported() {
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(
                RdsXml.page(
                    null,
                    Db.sqlServer("running", 1433, Map.of()),
                    Db.sqlServer("nightly-snapshot", 1433, Map.of()).withStatus("backing-up"),
                    Db.sqlServer("parked", 1433, Map.of()).withStatus("stopped"),
                    Db.sqlServer("waking", 1433, Map.of()).withStatus("starting"),
                    Db.sqlServer("full-disk", 1433, Map.of()).withStatus("storage-full"),
                    Db.sqlServer("patching", 1433, Map.of()).withStatus("upgrading"),
                    new Db("creating", "sqlserver-ee", null, 0, null, Map.of())
                        .withStatus("creating"))));
    aws.stubFor(RdsXml.describe("us-east-1", null).willReturn(RdsXml.page(null)));

    List<InstanceTarget> found = discovery("").refreshNow();

    assertThat(found)
        .extracting(InstanceTarget::name)
        .containsExactly("running", "nightly-snapshot");
    assertThat(status("running", "available")).isEqualTo(1);
    assertThat(status("nightly-snapshot", "backing-up")).isEqualTo(1);
    assertThat(status("parked", "stopped")).isEqualTo(1);
    assertThat(status("waking", "starting")).isEqualTo(1);
    assertThat(status("full-disk", "storage-full")).isEqualTo(1);
    assertThat(status("patching", "upgrading")).isEqualTo(1);
    assertThat(status("creating", "creating")).isEqualTo(1);
    assertThat(metric("rdswatch_discovery_instances", "eu-west-1")).as("polled ones").isEqualTo(2);
  }

  @Test
  void developerEditionEnginesAreWatchedAndRdsCustomIsNot() {
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(
                RdsXml.page(
                    null,
                    Db.sqlServer("dev-ee", 1433, Map.of()).withEngine("sqlserver-dev-ee"),
                    Db.sqlServer("dev-se", 1433, Map.of()).withEngine("sqlserver-dev-se"),
                    Db.sqlServer("express", 1433, Map.of()).withEngine("sqlserver-ex"),
                    Db.sqlServer("custom", 1433, Map.of()).withEngine("custom-sqlserver-ee"),
                    Db.sqlServer("custom-web", 1433, Map.of())
                        .withEngine("custom-sqlserver-web"))));
    aws.stubFor(RdsXml.describe("us-east-1", null).willReturn(RdsXml.page(null)));

    assertThat(discovery("").refreshNow())
        .extracting(InstanceTarget::name)
        .containsExactly("dev-ee", "dev-se", "express");
    assertThat(status("custom", "available")).as("RDS Custom is not even listed").isNull();
  }

  private void replicaFleet() {
    String crossRegion = "arn:aws:rds:us-west-2:123456789012:db:orders-west";
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(
                RdsXml.page(
                    null,
                    Db.sqlServer("orders", 1433, Map.of())
                        .asMultiAz()
                        .withReplicas("orders-ro", crossRegion),
                    Db.sqlServer("billing", 1433, Map.of()).asMultiAz().withReplicas("billing-ro"),
                    Db.sqlServer("orders-ro", 1433, Map.of()).replicaOf("orders"),
                    Db.sqlServer("billing-ro", 1433, Map.of()).replicaOf("billing"))));
    aws.stubFor(RdsXml.describe("us-east-1", null).willReturn(RdsXml.page(null)));
  }

  @Test
  void readReplicasAreLeftOutByDefaultAndTopologyComesFromRds() {
    replicaFleet();
    List<InstanceTarget> byDefault = discovery("").refreshNow();
    assertThat(byDefault).extracting(InstanceTarget::name).containsExactly("orders", "billing");
    assertThat(byDefault.get(0).topology()).isEqualTo(new Topology(true, null, true));
    assertThat(byDefault.get(1).topology())
        .as("a same-region replica is no obstacle")
        .isEqualTo(new Topology(true, null, false));
    assertThat(status("orders-ro", "available")).isNull();
  }

  @Test
  void includeReadReplicasWatchesThemToo() {
    replicaFleet();
    List<InstanceTarget> all = discovery("includeReadReplicas: true\n").refreshNow();
    assertThat(all)
        .extracting(InstanceTarget::name)
        .containsExactly("orders", "billing", "orders-ro", "billing-ro");
    assertThat(all.get(2).topology().readReplicaSource()).isEqualTo("orders");
  }

  @Test
  void includeAndExcludeTagsFilter() {
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(
                RdsXml.page(
                    null,
                    Db.sqlServer("watched", 1433, Map.of("rdswatch", "enabled")),
                    Db.sqlServer(
                        "watched-but-excluded", 1433, Map.of("rdswatch", "enabled", "env", "dev")),
                    Db.sqlServer("untagged", 1433, Map.of()),
                    Db.sqlServer("other-value", 1433, Map.of("rdswatch", "disabled")))));
    aws.stubFor(RdsXml.describe("us-east-1", null).willReturn(RdsXml.page(null)));

    List<InstanceTarget> found =
        discovery("includeTags: { rdswatch: enabled }\nexcludeTags: { env: dev }\n").refreshNow();

    assertThat(found).extracting(InstanceTarget::name).containsExactly("watched");
  }

  @Test
  void aFailedRegionKeepsItsLastGoodListAndCountsTheError() {
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(RdsXml.page(null, Db.sqlServer("orders-prod", 1433, Map.of()))));
    aws.stubFor(
        RdsXml.describe("us-east-1", null)
            .willReturn(RdsXml.page(null, Db.sqlServer("web-us", 1433, Map.of()))));
    DiscoveryService service = discovery("");
    List<InstanceTarget> first = service.refreshNow();

    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(RdsXml.error(403, "AccessDenied", "not authorized")));
    aws.stubFor(RdsXml.describe("us-east-1", null).willReturn(RdsXml.page(null)));
    List<InstanceTarget> second = service.refreshNow();

    assertThat(second).extracting(InstanceTarget::name).containsExactly("orders-prod");
    assertThat(second.get(0)).isEqualTo(first.get(0));
    assertThat(metric("rdswatch_discovery_errors_total", "eu-west-1")).isEqualTo(1);
    assertThat(metric("rdswatch_discovery_errors_total", "us-east-1")).isZero();
    assertThat(metric("rdswatch_discovery_instances", "eu-west-1"))
        .as("still the last good count")
        .isEqualTo(1);
    assertThat(metric("rdswatch_discovery_instances", "us-east-1")).as("vanished").isZero();

    aws.stubFor(RdsXml.describe("eu-west-1", null).willReturn(aws500()));
    assertThat(service.refreshNow())
        .extracting(InstanceTarget::name)
        .containsExactly("orders-prod");
    assertThat(metric("rdswatch_discovery_errors_total", "eu-west-1")).isEqualTo(2);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder aws500() {
    return RdsXml.error(500, "InternalFailure", "try again");
  }

  @Test
  void unchangedInstancesGiveEqualTargetsOnEveryRefresh() {
    aws.stubFor(
        RdsXml.describe("eu-west-1", null)
            .willReturn(RdsXml.page(null, Db.sqlServer("orders-prod", 1433, Map.of("a", "b")))));
    aws.stubFor(RdsXml.describe("us-east-1", null).willReturn(RdsXml.page(null)));
    DiscoveryService service = discovery("");

    assertThat(service.refreshNow()).isEqualTo(service.refreshNow());
  }
}
