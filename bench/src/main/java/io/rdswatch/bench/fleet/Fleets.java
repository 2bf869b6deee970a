package io.rdswatch.bench.fleet;

import io.rdswatch.simulator.SimulatedInstance;
import io.rdswatch.simulator.Simulator;
import io.rdswatch.simulator.SimulatorOptions;
import io.rdswatch.simulator.rds.BackupKind;
import io.rdswatch.simulator.rds.BackupRequest;
import io.rdswatch.simulator.rds.Lifecycle;
import io.rdswatch.simulator.rds.TaskRow;
import io.rdswatch.simulator.scenario.Scenario;
import io.rdswatch.simulator.scenario.ScenarioGenerator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's simulated instances: the main fleet (N x D x H), two growth fleets that differ
 * only in history, and the freshness instances, each of those on its own {@link JumpClock}. All
 * listen on free loopback ports with login admin/admin, in real time.
 */
final class Fleets implements AutoCloseable {

  static final String USER = "admin";
  static final String PASSWORD = "admin";

  /**
   * No such bucket exists on any simulated instance, so a backup to it fails its checks
   * (s3_no_bucket).
   */
  static final String MISSING_BUCKET = "arn:aws:s3:::rdswatch-bench-no-such-bucket/";

  private static final Duration STEP = Duration.ofSeconds(1);
  private static final Duration GIVE_UP = Duration.ofHours(6);

  private final List<Simulator> simulators = new ArrayList<>();
  private io.rdswatch.simulator.tds.ServerTls.TrustFiles trust;
  private final Map<String, List<SimulatedInstance>> sets = new LinkedHashMap<>();
  private final Map<String, JumpClock> freshClocks = new LinkedHashMap<>();
  private final Map<String, SimulatedInstance> fresh = new LinkedHashMap<>();

  static Fleets start(FleetSpec spec) throws IOException {
    Fleets f = new Fleets();
    try {
      SimulatorOptions options =
          SimulatorOptions.defaults().withBasePort(0).withLogin(USER, PASSWORD);
      f.add(
          "main",
          ScenarioGenerator.generate(spec.instances, spec.databases, spec.history, spec.seed),
          options);
      for (int i = 0; i < spec.growthHistory.size(); i++) {
        int h = spec.growthHistory.get(i);
        Scenario s =
            ScenarioGenerator.generate(spec.growthInstances, spec.databases, h, spec.seed + 1 + i);
        f.add("growth-" + h, renamed(s, "h" + h + "-"), options);
      }
      if (spec.tlsDir != null) {
        // figure 8: the same fleet twice (low history: the cost measured is the connection's), TLS
        // and plain
        Scenario twin =
            ScenarioGenerator.generate(
                spec.instances, spec.databases, spec.growthHistory.get(0), spec.seed + 20);
        f.add("tls-cmp-plain", renamed(twin, "plain-"), options);
        Simulator tls = Simulator.start(renamed(twin, "tls-"), options.withTlsDir(spec.tlsDir));
        f.simulators.add(tls);
        f.sets.put("tls-cmp-tls", tls.instances());
        f.trust = tls.trustFiles();
      }
      Scenario freshFleet =
          renamed(
              ScenarioGenerator.generate(spec.fresh, spec.databases, spec.history, spec.seed + 9),
              "fresh-");
      List<SimulatedInstance> freshSet = new ArrayList<>();
      for (var instance : freshFleet.instances()) {
        JumpClock clock = new JumpClock();
        Scenario one = new Scenario(freshFleet.seed(), freshFleet.history(), List.of(instance));
        Simulator sim = Simulator.start(one, options.withClock(clock));
        f.simulators.add(sim);
        SimulatedInstance si = sim.instances().get(0);
        freshSet.add(si);
        f.fresh.put(si.name(), si);
        f.freshClocks.put(si.name(), clock);
      }
      f.sets.put("fresh", freshSet);
    } catch (IOException | RuntimeException e) {
      f.close();
      throw e;
    }
    return f;
  }

  private void add(String set, Scenario scenario, SimulatorOptions options) throws IOException {
    Simulator sim = Simulator.start(scenario, options);
    simulators.add(sim);
    sets.put(set, sim.instances());
  }

  private static Scenario renamed(Scenario s, String prefix) {
    return new Scenario(
        s.seed(),
        s.history(),
        s.instances().stream().map(i -> i.withName(prefix + i.name())).toList());
  }

  /** {"user", "password", "trustStore"? "sets": {"main": [{"name", "port"}...], ...}} */
  Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", USER);
    out.put("password", PASSWORD);
    out.put("pid", ProcessHandle.current().pid());
    if (trust != null) {
      out.put("trustStore", trust.trustStore().toString());
      out.put("trustStorePassword", io.rdswatch.simulator.tds.ServerTls.TRUST_STORE_PASSWORD);
    }
    Map<String, Object> described = new LinkedHashMap<>();
    sets.forEach(
        (name, instances) ->
            described.put(
                name,
                instances.stream().map(i -> Map.of("name", i.name(), "port", i.port())).toList()));
    out.put("sets", described);
    return out;
  }

  /**
   * Submits a backup to a missing bucket on a freshness instance and pushes that instance's clock
   * ahead until the task is ERROR: past the pickup delay and the failed checks. Returns the wall
   * time at which rds_task_status first shows ERROR.
   */
  Map<String, Object> failNow(String name) {
    SimulatedInstance instance = fresh.get(name);
    if (instance == null) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a freshness instance; they are " + fresh.keySet());
    }
    JumpClock clock = freshClocks.get(name);
    String database =
        instance
            .rds()
            .locked(
                () ->
                    instance.rds().catalog().all().stream()
                        .filter(d -> !d.isSystem())
                        .findFirst()
                        .orElseThrow()
                        .name());
    TaskRow task =
        instance.backup(
            new BackupRequest(
                database,
                MISSING_BUCKET + name + "-" + System.nanoTime() + ".bak",
                null,
                true,
                BackupKind.FULL,
                1));
    Duration start = clock.ahead();
    while (instance.task(task.taskId()).lifecycle() != Lifecycle.ERROR) {
      if (clock.ahead().minus(start).compareTo(GIVE_UP) > 0) {
        throw new IllegalStateException(
            name + ": task " + task.taskId() + " is still not ERROR after " + GIVE_UP);
      }
      clock.jump(STEP);
    }
    long erroredAt = System.currentTimeMillis();
    return Map.of(
        "instance",
        name,
        "taskId",
        task.taskId(),
        "database",
        database,
        "erroredAtMillis",
        erroredAt,
        "jumpedSeconds",
        clock.ahead().minus(start).toSeconds());
  }

  @Override
  public void close() {
    simulators.forEach(Simulator::close);
  }
}
