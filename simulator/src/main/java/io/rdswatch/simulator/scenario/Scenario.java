package io.rdswatch.simulator.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fleet to simulate, as read from YAML ({@link #parse}, {@link #load}), built in, or generated.
 *
 * <pre>
 * seed: 7                 # all randomness (pickup delays, failure draws) follows from it
 * history: 2d             # schedules run this long before "now", so task tables start full
 * instances:
 *   - name: sales-prod
 *     region: us-east-1
 *     backup_window: "04:00-04:30"
 *     force_ssl: true     # rds.force_ssl=1: refuse logins that are not encrypted (needs tls_dir)
 *     databases: [{name: Sales, size_mb: 20480, tables: {Orders: 120000}}]
 *     buckets: [{name: acme-backups, region: us-east-1}]
 *     schedule:
 *       - {type: FULL, every: 24h, at: "01:00", bucket: acme-backups}
 *       - {type: DIFFERENTIAL, every: 1h, at: "00:15", bucket: acme-backups}
 * </pre>
 *
 * See {@link InstanceSpec} for every key, and the built-in {@code demo.yaml} for a full example.
 *
 * @param history how far before the start the instances' simulation (and schedules) begin
 * @param tlsDir {@code tls_dir}: speak TLS and write the CA's ca.pem and truststore.p12 here; null
 *     for plain TDS
 */
public record Scenario(long seed, String history, List<InstanceSpec> instances, String tlsDir) {
  public static final String DEMO_RESOURCE = "/io/rdswatch/simulator/scenario/demo.yaml";

  public Scenario {
    instances = List.copyOf(instances);
  }

  public Scenario(long seed, String history, List<InstanceSpec> instances) {
    this(seed, history, instances, null);
  }

  public static Scenario parse(String yaml) {
    return ScenarioParser.parse(yaml, "scenario");
  }

  public static Scenario load(Path file) {
    try {
      return ScenarioParser.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (NoSuchFileException e) {
      throw new ScenarioException(file + ": cannot read the scenario file: no such file", e);
    } catch (IOException e) {
      throw new ScenarioException(file + ": cannot read the scenario file: " + e, e);
    }
  }

  /** The built-in demo: 3 instances, 2 to 5 databases each, successes, runs and failures. */
  public static Scenario demo() {
    try (InputStream in = Scenario.class.getResourceAsStream(DEMO_RESOURCE)) {
      return ScenarioParser.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in demo scenario");
    } catch (IOException e) {
      throw new IllegalStateException("the built-in demo scenario is missing", e);
    }
  }

  /** Instances with every default: each a blank RDS instance with only the system databases. */
  public static Scenario blank(String... names) {
    return new Scenario(1, "0s", java.util.Arrays.stream(names).map(InstanceSpec::named).toList());
  }

  /**
   * The same scenario with exactly {@code n} instances: the first {@code n}, or all of them again
   * and again with "-2", "-3"... appended to their names.
   */
  public Scenario withInstanceCount(int n) {
    if (n < 1) {
      throw new ScenarioException("--instances must be at least 1, got " + n);
    }
    if (instances.isEmpty()) {
      throw new ScenarioException("the scenario has no instances to repeat");
    }
    List<InstanceSpec> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      InstanceSpec base = instances.get(i % instances.size());
      int round = i / instances.size();
      out.add(round == 0 ? base : base.withName(base.name() + "-" + (round + 1)));
    }
    return new Scenario(seed, history, out, tlsDir);
  }
}
