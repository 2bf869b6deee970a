package io.rdswatch.simulator;

import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.engine.Session;
import io.rdswatch.simulator.engine.SqlMessage;
import io.rdswatch.simulator.rds.Login;
import io.rdswatch.simulator.scenario.InstanceFactory;
import io.rdswatch.simulator.scenario.Scenario;
import java.util.Map;

/** A simulated instance called directly through SqlBackend, with no network (unit tests). */
final class DirectInstance {
  final ManualClock clock = new ManualClock(SimHarness.T0);
  final SimulatedInstance backend;
  final Session session = new Session(51);

  DirectInstance(String yaml) {
    Scenario scenario = Scenario.parse(yaml);
    InstanceFactory.Built built =
        InstanceFactory.build(
            scenario.instances().get(0),
            0,
            new InstanceFactory.Context(
                1, clock, clock.now(), clock.now(), Login.master("admin", "admin")));
    backend = new SimulatedInstance(built.rds(), built.faults(), "127.0.0.1", null);
    backend.login(session, "admin", "admin", null);
  }

  Reply run(String sql) {
    return backend.execute(session, sql, Map.of());
  }

  Reply run(String sql, Map<String, Object> params) {
    return backend.execute(session, sql, params);
  }

  /** The first result set of a reply that must not fail. */
  ResultSetData rows(String sql, Map<String, Object> params) {
    Reply r = run(sql, params);
    if (r.hasError()) {
      throw new AssertionError(sql + " failed: " + error(r));
    }
    return r.items().stream()
        .filter(ResultSetData.class::isInstance)
        .map(ResultSetData.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError(sql + " returned no result set"));
  }

  ResultSetData rows(String sql) {
    return rows(sql, Map.of());
  }

  Object scalar(String sql) {
    return rows(sql).rows().get(0)[0];
  }

  static SqlMessage error(Reply r) {
    return r.items().stream()
        .filter(i -> i instanceof SqlMessage m && m.isError())
        .map(SqlMessage.class::cast)
        .findFirst()
        .orElse(null);
  }
}
