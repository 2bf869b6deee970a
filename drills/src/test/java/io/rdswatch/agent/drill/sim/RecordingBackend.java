package io.rdswatch.agent.drill.sim;

import io.rdswatch.simulator.engine.LoginOutcome;
import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.Session;
import io.rdswatch.simulator.engine.SqlBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sits between the TDS listener and a simulated instance and keeps every request exactly as the
 * simulator received it off the wire: the statement text and its bound parameters.
 */
public final class RecordingBackend implements SqlBackend {

  /** One request: its text and parameters ("@P0" -> value), in arrival order. */
  public record Call(String instance, String sql, Map<String, Object> params) {

    public boolean calls(String procedure) {
      return sql.toLowerCase(java.util.Locale.ROOT)
          .contains(procedure.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final String name;
  private final SqlBackend delegate;
  private final List<Call> calls;

  RecordingBackend(String name, SqlBackend delegate, List<Call> calls) {
    this.name = name;
    this.delegate = delegate;
    this.calls = calls;
  }

  @Override
  public LoginOutcome login(Session session, String user, String password, String database) {
    return delegate.login(session, user, password, database);
  }

  @Override
  public Reply execute(Session session, String sql, Map<String, Object> params) {
    synchronized (calls) {
      calls.add(new Call(name, sql, new LinkedHashMap<>(params)));
    }
    return delegate.execute(session, sql, params);
  }

  @Override
  public void disconnected(Session session) {
    delegate.disconnected(session);
  }

  static List<Call> copy(List<Call> calls) {
    synchronized (calls) {
      return new ArrayList<>(calls);
    }
  }
}
