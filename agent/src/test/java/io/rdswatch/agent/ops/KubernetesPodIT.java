package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started the way pod rdswatch-1 of deploy/kubernetes starts it: the Dockerfile's
 * ENTRYPOINT, the StatefulSet's args with $(VAR)s expanded from the container's env, the
 * ConfigMap's config. Then every probe and the PodMonitor's endpoint are asked on the ports they
 * name. Only what a test machine cannot have is changed: ports become free ones, stateDir a temp
 * folder, and the example RDS host a closed loopback port.
 */
class KubernetesPodIT {

  private static final Pattern VAR_REF = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String POD_INDEX = "1";

  @TempDir Path tmp;
  private final StatefulSet set = KubeManifests.statefulSet();
  private final Container container = KubeManifests.container(set);

  /** Container port to the port the agent really listens on in this test. */
  private final Map<Integer, Integer> ports = new LinkedHashMap<>();

  private Process agent;
  private Path log;

  @BeforeEach
  void startThePod() throws Exception {
    Map<String, String> env = containerEnv();
    List<String> command = new ArrayList<>();
    for (String part : Dockerfile.execForm(Dockerfile.read().last("ENTRYPOINT"))) {
      command.add(
          switch (part) {
            case "java" -> Path.of(System.getProperty("java.home"), "bin", "java").toString();
            case "/opt/rdswatch/rdswatch.jar" ->
                Path.of(System.getProperty("rdswatch.build.dir"), "rdswatch.jar").toString();
            default -> part;
          });
    }
    List<String> args = container.getArgs().stream().map(a -> expand(a, env)).toList();
    int config = args.indexOf("--config") + 1;
    command.addAll(args.subList(0, config));
    command.add(testConfig().toString());
    command.addAll(args.subList(config + 1, args.size()));

    log = tmp.resolve("agent.log");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    agent = pb.start();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              assertThat(agent.isAlive())
                  .as("the agent exited:\n" + Files.readString(log))
                  .isTrue();
              return Files.readString(log).contains("rdswatch agent: metrics at");
            });
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (agent != null && agent.isAlive()) {
      agent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void everyProbeAndTheScrapeEndpointAnswerOnThePortsTheManifestsName() throws Exception {
    assertThat(Files.readString(log))
        .contains("shard " + POD_INDEX + "/" + KubeManifests.env(container, "SHARD_COUNT"));
    for (Probe probe :
        List.of(
            container.getStartupProbe(),
            container.getReadinessProbe(),
            container.getLivenessProbe())) {
      HTTPGetAction get = probe.getHttpGet();
      HttpResponse<String> response =
          get(KubeManifests.containerPort(container, get.getPort()), get.getPath());
      assertThat(response.statusCode()).as(get.getPath()).isEqualTo(200);
    }

    PodMetricsEndpoint scrape =
        KubeManifests.parse("podmonitor.yaml", PodMonitor.class)
            .getSpec()
            .getPodMetricsEndpoints()
            .get(0);
    int port =
        KubeManifests.containerPort(
            container, new io.fabric8.kubernetes.api.model.IntOrString(scrape.getPort()));
    HttpResponse<String> metrics = get(port, scrape.getPath());

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains(
            "rdswatch_shard_info{shard=\""
                + POD_INDEX
                + "\",shards=\""
                + set.getSpec().getReplicas()
                + "\",} 1.0")
        .contains("rdswatch_build_info{");
  }

  @Test
  void sigtermStopsTheAgentWithinTheGracePeriod() throws Exception {
    agent.destroy();

    assertThat(
            agent.waitFor(
                set.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds(),
                TimeUnit.SECONDS))
        .as("stopped within terminationGracePeriodSeconds")
        .isTrue();
    assertThat(agent.exitValue()).as(Files.readString(log)).isIn(0, 143);
  }

  /** What the kubelet would put in the environment: values, the pod-index label, Secret keys. */
  private Map<String, String> containerEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar e : container.getEnv()) {
      if (e.getValue() != null) {
        env.put(e.getName(), expand(e.getValue(), env));
      } else if (e.getValueFrom().getFieldRef() != null) {
        assertThat(e.getValueFrom().getFieldRef().getFieldPath())
            .contains("apps.kubernetes.io/pod-index");
        env.put(e.getName(), POD_INDEX);
      } else {
        env.put(
            e.getName(),
            "test-secret-" + e.getValueFrom().getSecretKeyRef().getKey() + "-0123456789");
      }
    }
    return env;
  }

  /**
   * The ConfigMap's config with free ports, a temp stateDir and the example host on a closed port.
   */
  private Path testConfig() throws IOException {
    String yaml = KubeManifests.configYaml();
    int http =
        KubeManifests.containerPort(
            container, new io.fabric8.kubernetes.api.model.IntOrString("http"));
    int admin =
        KubeManifests.containerPort(
            container, new io.fabric8.kubernetes.api.model.IntOrString("admin"));
    ports.put(http, freePort());
    ports.put(admin, freePort());
    String changed =
        replaceOnce(yaml, "  port: " + http + "\n", "  port: " + ports.get(http) + "\n");
    changed =
        replaceOnce(
            changed, "  adminPort: " + admin + "\n", "  adminPort: " + ports.get(admin) + "\n");
    changed =
        replaceOnce(
            changed, "stateDir: /var/lib/rdswatch\n", "stateDir: " + tmp.resolve("state") + "\n");
    Matcher host =
        Pattern.compile("host: \\S+\\.rds\\.amazonaws\\.com\\n(\\s+)port: 1433").matcher(changed);
    changed = host.replaceAll("host: 127.0.0.1\n$1port: " + freePort());
    return Files.writeString(tmp.resolve("config.yml"), changed);
  }

  private HttpResponse<String> get(int containerPort, String path)
      throws IOException, InterruptedException {
    Integer port = ports.get(containerPort);
    assertThat(port)
        .as("container port %d is one the agent's config listens on", containerPort)
        .isNotNull();
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Kubernetes' $(VAR) expansion in args and env values: defined variables only. */
  private static String expand(String value, Map<String, String> env) {
    return VAR_REF
        .matcher(value)
        .replaceAll(m -> Matcher.quoteReplacement(env.getOrDefault(m.group(1), m.group())));
  }

  private static String replaceOnce(String text, String from, String to) {
    assertThat(text).containsOnlyOnce(from);
    return text.replace(from, to);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
