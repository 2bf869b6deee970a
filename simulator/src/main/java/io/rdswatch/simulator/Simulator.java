package io.rdswatch.simulator;

import io.rdswatch.simulator.clock.ScaledClock;
import io.rdswatch.simulator.clock.SimClock;
import io.rdswatch.simulator.rds.Login;
import io.rdswatch.simulator.scenario.Durations;
import io.rdswatch.simulator.scenario.InstanceFactory;
import io.rdswatch.simulator.scenario.InstanceSpec;
import io.rdswatch.simulator.scenario.Scenario;
import io.rdswatch.simulator.tds.ListenerHandle;
import io.rdswatch.simulator.tds.ServerTls;
import io.rdswatch.simulator.tds.TdsServer;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A running fleet of simulated RDS for SQL Server instances, each on its own port, in one process.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock(Instant.parse("2026-11-27T00:00:00Z"));
 * try (Simulator sim = Simulator.start(Scenario.demo(), SimulatorOptions.forTests(clock))) {
 *   SimulatedInstance prod = sim.instance("sales-prod");
 *   try (Connection c = DriverManager.getConnection(prod.jdbcUrl(), "admin", "admin")) { ... }
 *   prod.faults().latency(Duration.ofSeconds(5));         // faults, switchable at any time
 *   prod.rds().addBucket(new S3Bucket("b", "us-east-1", false, 14));   // model control
 *   clock.advance(Duration.ofMinutes(10));                 // tasks move; nothing sleeps
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #start}: builds every instance of the scenario, then listens on {@code basePort + i}
 *       (or free ports when the base port is 0). A taken port fails the start, naming it.
 *   <li>{@link #instances()} in scenario order, {@link #instance(String)} by name: each gives its
 *       name, {@code port()}, {@code jdbcUrl()}, {@code faults()} and {@code rds()}.
 *   <li>{@code faults().down(true)} closes the instance's listener (connections are refused and
 *       open ones dropped); {@code down(false)} listens again on the same port.
 *   <li>For benchmarks, {@code ScenarioGenerator.generate(n, d, h, seed)} makes large fleets.
 * </ul>
 */
public final class Simulator implements AutoCloseable {
  private final TdsServer server;
  private final ServerTls.TrustFiles trust;
  private final SimulatorOptions options;
  private final SimClock clock;
  private final Map<String, SimulatedInstance> instances = new LinkedHashMap<>();
  private final Map<String, ListenerHandle> listeners = new ConcurrentHashMap<>();

  private Simulator(
      SimulatorOptions options, SimClock clock, ServerTls tls, ServerTls.TrustFiles trust) {
    this.server = new TdsServer(tls);
    this.trust = trust;
    this.options = options;
    this.clock = clock;
  }

  public static Simulator start(Scenario scenario, SimulatorOptions options) throws IOException {
    SimClock clock =
        options.clock() != null
            ? options.clock()
            : new ScaledClock(Instant.now().truncatedTo(ChronoUnit.MILLIS), options.speed());
    int count = scenario.instances().size();
    if (options.basePort() > 0 && options.basePort() + count - 1 > 65_535) {
      throw new IllegalArgumentException(
          "base port " + options.basePort() + " + " + count + " instances goes past port 65535");
    }
    Instant start = clock.now();
    Instant historyStart = start.minus(Durations.parse(scenario.history()));
    InstanceFactory.Context ctx =
        new InstanceFactory.Context(
            scenario.seed(),
            clock,
            start,
            historyStart,
            Login.master(options.user(), options.password()));
    Path tlsDir =
        options.tlsDir() != null
            ? options.tlsDir()
            : scenario.tlsDir() == null ? null : Path.of(scenario.tlsDir());
    ServerTls tls = tlsDir == null ? null : ServerTls.generate("rdswatch simulator CA");
    ServerTls.TrustFiles trust = tls == null ? null : tls.writeTo(tlsDir);
    Simulator sim = new Simulator(options, clock, tls, trust);
    try {
      for (int i = 0; i < count; i++) {
        InstanceSpec spec = scenario.instances().get(i);
        InstanceFactory.Built built = InstanceFactory.build(spec, i, ctx);
        SimulatedInstance instance =
            new SimulatedInstance(built.rds(), built.faults(), host(options), trust);
        instance.forceSsl(Boolean.TRUE.equals(spec.forceSsl()));
        sim.instances.put(key(instance.name()), instance);
        sim.open(instance, options.basePort() == 0 ? 0 : options.basePort() + i);
      }
    } catch (IOException | RuntimeException e) {
      sim.close();
      throw e;
    }
    return sim;
  }

  private static String host(SimulatorOptions options) {
    return options.bind().isAnyLocalAddress() ? "127.0.0.1" : options.bind().getHostAddress();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private void open(SimulatedInstance instance, int port) throws IOException {
    listen(instance, port);
    if (instance.faults().down()) {
      listeners.remove(key(instance.name())).close();
    }
    instance.faults().onDownChanged(down -> toggle(instance, down));
  }

  private void listen(SimulatedInstance instance, int port) throws IOException {
    try {
      ListenerHandle handle = server.listen(options.bind(), port, instance);
      instance.port(handle.port());
      listeners.put(key(instance.name()), handle);
    } catch (BindException e) {
      throw new BindException("instance " + instance.name() + ": " + e.getMessage());
    }
  }

  private void toggle(SimulatedInstance instance, boolean down) {
    if (down) {
      ListenerHandle h = listeners.remove(key(instance.name()));
      if (h != null) {
        h.close();
      }
      return;
    }
    try {
      listen(instance, instance.port());
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot bring " + instance.name() + " back up: " + e.getMessage(), e);
    }
  }

  /** The instances, in scenario order. */
  public List<SimulatedInstance> instances() {
    return new ArrayList<>(instances.values());
  }

  /** The instance of this name (case-insensitive). */
  public SimulatedInstance instance(String name) {
    SimulatedInstance i = instances.get(key(name));
    if (i == null) {
      throw new NoSuchElementException("no simulated instance named '" + name + "'");
    }
    return i;
  }

  /** The CA's ca.pem and truststore.p12 when the fleet speaks TLS, else null. */
  public ServerTls.TrustFiles trustFiles() {
    return trust;
  }

  public SimClock clock() {
    return clock;
  }

  public SimulatorOptions options() {
    return options;
  }

  /** Stops every listener and drops every connection. */
  @Override
  public void close() {
    server.close();
    listeners.clear();
  }
}
