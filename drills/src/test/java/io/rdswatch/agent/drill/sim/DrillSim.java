package io.rdswatch.agent.drill.sim;

import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillPlan;
import io.rdswatch.agent.drill.run.DrillContext;
import io.rdswatch.agent.drill.run.DrillSettings;
import io.rdswatch.agent.drill.run.JdbcDrillConnections;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.agent.sql.SqlConnector;
import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.rds.BackupKind;
import io.rdswatch.simulator.rds.BackupRequest;
import io.rdswatch.simulator.rds.Lifecycle;
import io.rdswatch.simulator.rds.TaskRow;
import io.rdswatch.simulator.scenario.Scenario;
import io.rdswatch.simulator.tds.ServerTls;
import io.rdswatch.simulator.tds.TdsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A simulated fleet for drill tests: the real simulator behind real TDS (each instance reached
 * through a {@link RecordingBackend}), a manual clock that the drill's pacer moves, and helpers to
 * take backups and inspect the instances.
 */
public final class DrillSim implements AutoCloseable {

  public static final String BUCKET = "acme-backups";
  public static final String KMS = "arn:aws:kms:us-east-1:123456789012:key/1111-drills";

  /** Two instances: a production one with backups, and an empty one for drills elsewhere. */
  public static final String SCENARIO =
      """
      seed: 7
      instances:
        - name: orders-prod
          region: us-east-1
          backup_window: "03:00-03:30"
          storage_gb: 300
          free_gb: 150
          databases:
            - {name: Orders, size_mb: 1024, tables: {Orders: 1500, OrderLines: 7000}}
            - {name: Sales, size_mb: 512, tables: {Invoices: 300}}
            - {name: Vault, size_mb: 256, tde: true, tables: {Secrets: 12}}
            - {name: Big, size_mb: 40960, tables: {Facts: 99}}
          buckets:
            - {name: acme-backups, region: us-east-1}
          kms_keys:
            - {arn: "arn:aws:kms:us-east-1:123456789012:key/1111-drills"}
        - name: drill-box
          region: us-east-1
          storage_gb: 100
          free_gb: 90
          buckets:
            - {name: acme-backups, region: us-east-1}
          kms_keys:
            - {arn: "arn:aws:kms:us-east-1:123456789012:key/1111-drills"}
      """;

  public final ManualClock clock;
  private final String ordersWindow;
  public final Simulator sim;

  /** Drills run the production path: TLS with the certificate checked against this CA. */
  public final ServerTls.TrustFiles trust;

  private final TdsServer recorder;
  private final List<RecordingBackend.Call> calls = new ArrayList<>();
  private final Map<String, Integer> ports = new HashMap<>();
  private final Map<String, java.util.function.UnaryOperator<InstanceTarget>> adjustments =
      new java.util.concurrent.ConcurrentHashMap<>();

  public DrillSim(Instant start) throws IOException {
    this(start, SCENARIO);
  }

  /**
   * A fleet whose clock starts at the wall clock, for tests whose subject (the CLI in a child
   * process, say) reads real time. The automated backup window is moved twelve hours away, so a
   * fixture backup never overlaps it whatever time of day the suite runs.
   */
  public static DrillSim onWallClock() throws IOException {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    int hour = (now.atZone(java.time.ZoneOffset.UTC).getHour() + 12) % 24;
    String window = String.format("%02d:00-%02d:30", hour, hour);
    return new DrillSim(
        now,
        SCENARIO.replace("backup_window: \"03:00-03:30\"", "backup_window: \"" + window + "\""),
        window);
  }

  public DrillSim(Instant start, String scenario) throws IOException {
    this(start, scenario, "03:00-03:30");
  }

  private DrillSim(Instant start, String scenario, String ordersWindow) throws IOException {
    this.ordersWindow = ordersWindow;
    clock = new ManualClock(start);
    sim = Simulator.start(Scenario.parse(scenario), SimulatorOptions.forTests(clock));
    ServerTls tls = ServerTls.generate("rdswatch drill test CA");
    trust = tls.writeTo(Files.createTempDirectory("rdswatch-drill-tls"));
    recorder = new TdsServer(tls);
    for (SimulatedInstance i : sim.instances()) {
      RecordingBackend backend = new RecordingBackend(i.name(), i, calls);
      ports.put(i.name(), recorder.listen(InetAddress.getLoopbackAddress(), 0, backend).port());
    }
  }

  public SimulatedInstance instance(String name) {
    return sim.instance(name);
  }

  public InstanceTarget target(String name) {
    return target(name, null);
  }

  public InstanceTarget target(String name, String backupWindow) {
    InstanceTarget t =
        new InstanceTarget(
            name,
            "127.0.0.1",
            ports.get(name),
            "admin",
            PasswordSource.literal("admin"),
            Map.of(
                "trustStore",
                trust.trustStore().toString(),
                "trustStorePassword",
                ServerTls.TRUST_STORE_PASSWORD),
            Map.of("env", "prod"),
            backupWindow,
            "static");
    return adjustments.getOrDefault(name, x -> x).apply(t);
  }

  /** Changes how the agent sees an instance (its topology, logins) from the next drill on. */
  public void adjust(String name, java.util.function.UnaryOperator<InstanceTarget> change) {
    adjustments.put(name, change);
  }

  public List<InstanceTarget> targets() {
    return List.of(target("orders-prod", ordersWindow), target("drill-box"));
  }

  public static DrillSettings settings() {
    return new DrillSettings(
        "rdswatch_drill_",
        100,
        1.5,
        Duration.ofSeconds(30),
        Duration.ofHours(6),
        false,
        Duration.ofSeconds(30));
  }

  /** A context whose pacer moves the simulated clock instead of sleeping. */
  public DrillContext context(Path stateDir, DrillSettings settings, long seed) {
    return new DrillContext(
        settings,
        this::targets,
        new JdbcDrillConnections(new SqlConnector(Duration.ofSeconds(10)), Duration.ofHours(6)),
        new DrillJournal(stateDir),
        clock::now,
        clock::advance,
        new Random(seed),
        "test:1");
  }

  public static DrillPlan plan(
      String source, String target, String db, List<DrillPlan.CheckSpec> checks) {
    return new DrillPlan(
        "test",
        "cli",
        source,
        target,
        db,
        "rdswatch_drill_",
        null,
        null,
        null,
        false,
        checks,
        7200L,
        Duration.ofHours(6).toSeconds(),
        false);
  }

  public static DrillPlan.CheckSpec checkdb() {
    return new DrillPlan.CheckSpec(true, null, null);
  }

  public static DrillPlan.CheckSpec sql(String sql, String expect) {
    return new DrillPlan.CheckSpec(false, sql, expect);
  }

  /** The ARN a backup of {@code db} is written to. */
  public static String arn(String db, String tag) {
    return "arn:aws:s3:::" + BUCKET + "/" + db.replaceAll("[^A-Za-z0-9]", "_") + "/" + tag + ".bak";
  }

  /** Runs a backup to SUCCESS on the simulated instance, moving the clock. */
  public TaskRow backup(
      String instance, String db, String arn, String kms, BackupKind kind, int files) {
    TaskRow t = instance(instance).backup(new BackupRequest(db, arn, kms, false, kind, files));
    return await(instance, t.taskId());
  }

  public TaskRow backup(String instance, String db) {
    return backup(instance, db, arn(db, "full"), null, BackupKind.FULL, 1);
  }

  public TaskRow await(String instance, int taskId) {
    for (int i = 0; i < 10_000; i++) {
      TaskRow now = instance(instance).task(taskId);
      if (now.lifecycle() == Lifecycle.SUCCESS) {
        return now;
      }
      if (now.lifecycle().isTerminal()) {
        throw new IllegalStateException(
            "task " + taskId + " ended " + now.lifecycle() + ": " + now.taskInfo());
      }
      clock.advance(Duration.ofMinutes(1));
    }
    throw new IllegalStateException("task " + taskId + " never finished");
  }

  /** Database names on the instance, through its own view (not the recorder). */
  public List<String> databases(String instance) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = connect(instance);
        ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sys.databases")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  public Connection connect(String instance) throws SQLException {
    return DriverManager.getConnection(instance(instance).jdbcUrl(), "admin", "admin");
  }

  public List<RecordingBackend.Call> calls() {
    return RecordingBackend.copy(calls);
  }

  public List<RecordingBackend.Call> calls(String procedure) {
    return calls().stream().filter(c -> c.calls(procedure)).toList();
  }

  @Override
  public void close() {
    recorder.close();
    sim.close();
  }
}
