package io.rdswatch.agent.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.Simulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rdswatch config that points at a running simulator, as YAML a user could have written: every
 * instance with its port and login, the instance's backup window. When the simulator speaks TLS the
 * fleet-wide {@code tls} section points at its trust store, so the agent takes the production path
 * (encrypt=true, certificate checked); otherwise encryption is off. The demo writes it to disk and
 * loads it back through the normal loader, so the file `check`, `tasks` and `drill` read from
 * another terminal is exactly what the demo runs.
 */
public final class DemoConfig {

  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  static final Duration DRILL_FOLLOW_INTERVAL = Duration.ofSeconds(2);

  /** Only signs requests; the endpoint decides where they go. */
  static final String CLOUDWATCH_REGION = "us-east-1";

  private DemoConfig() {}

  /** The config without CloudWatch. */
  public static String yaml(
      Simulator sim,
      int httpPort,
      int adminPort,
      Path stateDir,
      Duration interval,
      Duration timeout,
      String apiToken) {
    return yaml(sim, httpPort, adminPort, stateDir, interval, timeout, apiToken, null);
  }

  /**
   * @param apiToken written as api.token when not null (lets `rdswatch drill` post to the demo)
   * @param cloudWatchEndpoint when not null, CloudWatch publishing is on and goes there
   *     (LocalStack, a test's WireMock), never to real AWS
   */
  public static String yaml(
      Simulator sim,
      int httpPort,
      int adminPort,
      Path stateDir,
      Duration interval,
      Duration timeout,
      String apiToken,
      URI cloudWatchEndpoint) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("http", ordered("bind", "127.0.0.1", "port", httpPort, "adminPort", adminPort));
    root.put("poll", ordered("interval", text(interval), "timeout", text(timeout)));
    root.put("stateDir", stateDir.toAbsolutePath().toString());
    // the sped-up simulator moves a restore's percent_complete in 5-point steps every few seconds;
    // the default 30s (RDS refreshes only every ~2 min) would make `drill --wait` jump from 0 to
    // done
    root.put("drills", Map.of("followInterval", text(DRILL_FOLLOW_INTERVAL)));
    if (apiToken != null) {
      root.put("api", Map.of("token", apiToken));
    }
    if (cloudWatchEndpoint != null) {
      root.put(
          "cloudwatch",
          ordered(
              "enabled",
              true,
              "region",
              CLOUDWATCH_REGION,
              "endpoint",
              cloudWatchEndpoint.toString()));
    }
    if (sim.trustFiles() != null) {
      root.put(
          "tls",
          ordered(
              "trustStore",
              sim.trustFiles().trustStore().toAbsolutePath().toString(),
              "trustStorePasswordFile",
              sim.trustFiles().passwordFile().toAbsolutePath().toString()));
    }
    List<Map<String, Object>> instances = new ArrayList<>();
    for (SimulatedInstance i : sim.instances()) {
      Map<String, Object> instance = new LinkedHashMap<>();
      instance.put("name", i.name());
      instance.put("host", "127.0.0.1");
      instance.put("port", i.port());
      instance.put("username", sim.options().user());
      instance.put("password", sim.options().password());
      if (sim.trustFiles() == null) {
        instance.put("jdbcProperties", Map.of("encrypt", "false"));
      }
      instance.put("labels", Map.of("env", "demo"));
      if (i.rds().backupWindow() != null) {
        instance.put("backupWindow", i.rds().backupWindow().toString());
      }
      instances.add(instance);
    }
    root.put("instances", instances);
    try {
      return "# Written by `rdswatch demo` for the simulated fleet it runs. From another terminal:\n"
          + "#   rdswatch check --config rdswatch-demo.yml\n"
          + "#   rdswatch tasks --config rdswatch-demo.yml --instance "
          + sim.instances().get(0).name()
          + " --active\n"
          + YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the demo config", e);
    }
  }

  private static String text(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
