package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/kubernetes: every manifest is a valid Kubernetes object with no unknown field, the
 * generated ones equal their sources, and the pieces agree with each other and with the agent's
 * config.
 */
class KubernetesManifestsTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}");

  @Test
  void kustomizationListsEveryManifestButTheSecretExample() throws IOException {
    JsonNode kustomization =
        YAML.readTree(OpsFiles.read(KubeManifests.DIR.resolve("kustomization.yaml")));
    List<String> listed =
        Stream.of(YAML.convertValue(kustomization.get("resources"), String[].class)).toList();
    try (Stream<Path> files = Files.list(KubeManifests.DIR)) {
      List<String> manifests =
          files
              .map(p -> p.getFileName().toString())
              .filter(
                  n ->
                      n.endsWith(".yaml")
                          && !n.equals("kustomization.yaml")
                          && !n.equals("secret.example.yaml"))
              .toList();
      assertThat(listed).containsExactlyInAnyOrderElementsOf(manifests);
    }
  }

  @Test
  void everyManifestParsesWithTheKubernetesModelAndHasNoUnknownField() {
    assertThat(KubeManifests.statefulSet().getMetadata().getName()).isEqualTo("rdswatch");
    assertThat(KubeManifests.parse("configmap.yaml", ConfigMap.class).getData())
        .containsKey("config.yml");
    assertThat(KubeManifests.parse("service.yaml", Service.class).getSpec().getClusterIP())
        .isEqualTo("None");
    assertThat(
            KubeManifests.parse("podmonitor.yaml", PodMonitor.class)
                .getSpec()
                .getPodMetricsEndpoints())
        .hasSize(1);
    assertThat(
            KubeManifests.parse("prometheusrule.yaml", PrometheusRule.class).getSpec().getGroups())
        .isNotEmpty();
    assertThat(KubeManifests.parse("grafana-dashboards.yaml", ConfigMap.class).getData())
        .isNotEmpty();
    assertThat(KubeManifests.parse("secret.example.yaml", Secret.class).getStringData())
        .isNotEmpty();
  }

  @Test
  void theUnknownFieldCheckCatchesTyposAtAnyDepth() {
    String service =
        OpsFiles.read(KubeManifests.DIR.resolve("service.yaml"))
            .replace("clusterIP: None", "clusterIp: None");
    String set =
        OpsFiles.read(KubeManifests.DIR.resolve("statefulset.yaml"))
            .replace("readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true");
    String monitor =
        OpsFiles.read(KubeManifests.DIR.resolve("podmonitor.yaml"))
            .replace("path: /metrics", "paht: /metrics");

    assertThat(KubeManifests.unknownFields(service, "service"))
        .containsExactly("service.spec.clusterIp");
    assertThat(KubeManifests.unknownFields(set, "set"))
        .containsExactly(
            "set.spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem");
    assertThat(KubeManifests.unknownFields(monitor, "monitor"))
        .containsExactly("monitor.spec.podMetricsEndpoints[0].paht");
  }

  @Test
  void theGeneratedPrometheusRuleHoldsExactlyTheRulesFile() throws IOException {
    PrometheusRule rule = KubeManifests.parse("prometheusrule.yaml", PrometheusRule.class);
    JsonNode generated =
        YAML.readTree(OpsFiles.read(KubeManifests.DIR.resolve("prometheusrule.yaml"))).get("spec");
    JsonNode rules = YAML.readTree(OpsFiles.read(OpsFiles.RULES));

    assertThat(generated).isEqualTo(rules);
    // and the Operator's model reads the same rules, in the same order, with the same expressions
    List<String> modelled =
        rule.getSpec().getGroups().stream()
            .flatMap(g -> g.getRules().stream())
            .map(
                r ->
                    (r.getAlert() != null ? r.getAlert() : r.getRecord())
                        + " := "
                        + r.getExpr().getStrVal())
            .toList();
    List<String> inFile = new java.util.ArrayList<>();
    rules
        .get("groups")
        .forEach(
            g ->
                g.get("rules")
                    .forEach(
                        r ->
                            inFile.add(
                                (r.has("alert") ? r.get("alert") : r.get("record")).asText()
                                    + " := "
                                    + r.get("expr").asText())));
    assertThat(modelled).isEqualTo(inFile);
    // and the text itself, comments included, is the rules file indented under spec:
    assertThat(OpsFiles.read(KubeManifests.DIR.resolve("prometheusrule.yaml")))
        .contains(OpsFiles.read(OpsFiles.RULES).indent(2).replace("\n  \n", "\n\n"));
  }

  @Test
  void theGeneratedDashboardsConfigMapHoldsEveryDashboardByteForByte() {
    Map<String, String> data =
        KubeManifests.parse("grafana-dashboards.yaml", ConfigMap.class).getData();
    Map<String, String> files = new LinkedHashMap<>();
    OpsFiles.dashboards().forEach(p -> files.put(p.getFileName().toString(), OpsFiles.read(p)));

    assertThat(data).isEqualTo(files);
  }

  @Test
  void generateCheckAgreesWithTheCommittedFiles() {
    Tool.Result result = Tool.run(KubeManifests.DIR, "python3", "generate.py", "--check");

    assertThat(result.exit()).as(result.describe()).isZero();
  }

  @Test
  void replicasAreTheShardCountAndThePodOrdinalIsTheShardIndex() {
    StatefulSet set = KubeManifests.statefulSet();
    Container c = KubeManifests.container(set);

    assertThat(KubeManifests.env(c, "SHARD_COUNT"))
        .isEqualTo(String.valueOf(set.getSpec().getReplicas()));
    EnvVar index =
        c.getEnv().stream()
            .filter(e -> e.getName().equals("SHARD_INDEX"))
            .findFirst()
            .orElseThrow();
    assertThat(index.getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.labels['apps.kubernetes.io/pod-index']");
    assertThat(c.getArgs()).containsSequence("--shard", "$(SHARD_INDEX)/$(SHARD_COUNT)");
    assertThat(set.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
  }

  @Test
  void theConfigMapLoadsWithTheAgentsLoaderAndAgreesWithThePod(@TempDir Path tmp) throws Exception {
    StatefulSet set = KubeManifests.statefulSet();
    Container c = KubeManifests.container(set);
    String yaml = KubeManifests.configYaml();
    Map<String, String> env = new LinkedHashMap<>();
    c.getEnv()
        .forEach(
            e ->
                env.put(
                    e.getName(),
                    e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null
                        ? "value-of-" + e.getValueFrom().getSecretKeyRef().getKey()
                        : e.getValue()));
    Matcher m = VARIABLE.matcher(yaml);
    while (m.find()) {
      assertThat(env).as("the pod's environment defines ${%s}", m.group(1)).containsKey(m.group(1));
    }
    String stateDir = mount(c, "state").getMountPath();
    assertThat(yaml).contains("stateDir: " + stateDir + "\n");
    Path config =
        Files.writeString(
            tmp.resolve("config.yml"), yaml.replace("stateDir: " + stateDir, "stateDir: " + tmp));

    AgentConfiguration loaded =
        new ConfigLoader()
            .build(
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), strict(env)),
                config.toString());

    assertThat(loaded.getHttp().getBind()).isEqualTo("0.0.0.0");
    assertThat(
            KubeManifests.containerPort(c, new io.fabric8.kubernetes.api.model.IntOrString("http")))
        .isEqualTo(loaded.getHttp().getPort());
    assertThat(
            KubeManifests.containerPort(
                c, new io.fabric8.kubernetes.api.model.IntOrString("admin")))
        .isEqualTo(loaded.getHttp().getAdminPort());
    assertThat(loaded.getApi().token()).isEqualTo("value-of-api-token");
    String configArg = c.getArgs().get(c.getArgs().indexOf("--config") + 1);
    assertThat(Path.of(configArg))
        .isEqualTo(Path.of(mount(c, "config").getMountPath(), "config.yml"));
  }

  @Test
  void thePodRunsNonRootOnAReadOnlyRootWithNoCapabilities() {
    StatefulSet set = KubeManifests.statefulSet();
    PodSpec pod = set.getSpec().getTemplate().getSpec();
    SecurityContext sc = KubeManifests.container(set).getSecurityContext();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
    assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
    assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(sc.getCapabilities().getAdd()).isNullOrEmpty();
    // with a read-only root, the JVM's temp files need a writable /tmp
    assertThat(mount(KubeManifests.container(set), "tmp").getMountPath()).isEqualTo("/tmp");
  }

  @Test
  void resourcesAreSizedFromTheBenchmark() {
    Container c = KubeManifests.container(KubeManifests.statefulSet());
    Map<String, Quantity> requests = c.getResources().getRequests();
    Map<String, Quantity> limits = c.getResources().getLimits();
    String bench = OpsFiles.read(OpsFiles.ROOT.resolve("bench/README.md"));
    Matcher rss = Pattern.compile("\\| 4 \\| RSS \\| (\\d+) MB").matcher(bench);
    assertThat(rss.find()).as("bench/README.md reports the RSS").isTrue();
    long rssBytes = Long.parseLong(rss.group(1)) * 1_000_000L;

    // the request covers the measured RSS at 1,000 instances; the limit leaves headroom above it
    assertThat(Quantity.getAmountInBytes(requests.get("memory")).longValue())
        .isGreaterThanOrEqualTo(rssBytes);
    assertThat(Quantity.getAmountInBytes(limits.get("memory")))
        .isGreaterThan(Quantity.getAmountInBytes(requests.get("memory")));
    assertThat(requests).containsKey("cpu");
    assertThat(limits).doesNotContainKey("cpu");
    assertThat(KubeManifests.env(c, "JAVA_TOOL_OPTIONS")).contains("-Xmx256m");
    assertThat(bench).contains("heap committed / max (-Xmx) | 256 MB / 256 MB");
  }

  @Test
  void probesUseTheApplicationPortsHealthPath() {
    Container c = KubeManifests.container(KubeManifests.statefulSet());
    for (Probe p : List.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())) {
      assertThat(p.getHttpGet().getPath()).isEqualTo("/-/healthy");
      assertThat(p.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }
  }

  @Test
  void theServiceAndPodMonitorSelectThePodsAndScrapeMetrics() {
    StatefulSet set = KubeManifests.statefulSet();
    Map<String, String> podLabels = set.getSpec().getTemplate().getMetadata().getLabels();
    Service service = KubeManifests.parse("service.yaml", Service.class);
    PodMonitor monitor = KubeManifests.parse("podmonitor.yaml", PodMonitor.class);

    assertThat(set.getSpec().getServiceName()).isEqualTo(service.getMetadata().getName());
    assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(podLabels).containsAllEntriesOf(set.getSpec().getSelector().getMatchLabels());
    assertThat(podLabels).containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));
    assertThat(monitor.getSpec().getPodMetricsEndpoints())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getPort()).isEqualTo("http");
              assertThat(e.getPath()).isEqualTo("/metrics");
            });
    // the job label is "rdswatch", which RdswatchAbsent expects
    assertThat(podLabels.get(monitor.getSpec().getJobLabel())).isEqualTo("rdswatch");
  }

  @Test
  void stateLivesOnAClaimPerPodAndSecretsComeFromTheSecret() {
    StatefulSet set = KubeManifests.statefulSet();
    Container c = KubeManifests.container(set);

    assertThat(set.getSpec().getVolumeClaimTemplates())
        .singleElement()
        .satisfies(pvc -> assertThat(pvc.getMetadata().getName()).isEqualTo("state"));
    Map<String, String> keys =
        YAML.convertValue(
            KubeManifests.parse("secret.example.yaml", Secret.class).getStringData(), Map.class);
    c.getEnv().stream()
        .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
        .forEach(
            e -> {
              assertThat(e.getValueFrom().getSecretKeyRef().getName())
                  .isEqualTo("rdswatch-secrets");
              assertThat(keys).containsKey(e.getValueFrom().getSecretKeyRef().getKey());
            });
    assertThat(c.getEnv()).noneMatch(e -> e.getName().endsWith("PASSWORD") && e.getValue() != null);
  }

  static VolumeMount mount(Container c, String volume) {
    return c.getVolumeMounts().stream()
        .filter(v -> v.getName().equals(volume))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no mount of volume " + volume));
  }

  private static StringSubstitutor strict(Map<String, String> env) {
    StringSubstitutor substitutor = new StringSubstitutor(env);
    substitutor.setEnableUndefinedVariableException(true);
    return substitutor;
  }
}
