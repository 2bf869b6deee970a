package io.rdswatch.simulator.tds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-connection prepared statements: sp_prepexec/sp_prepare create a handle, sp_execute brings
 * only the handle and the values, sp_unprepare drops it; all die with the connection. Used by one
 * request at a time, so it needs no locking.
 */
final class PreparedHandles {
  record Prepared(String sql, List<ParamDeclarations.Declared> declarations) {}

  /**
   * mssql-jdbc unprepares with a text batch ({@code EXEC sp_unprepare 5;}), which the backend
   * parses and hands back through {@code Session.unprepare}; the cap only guards against a client
   * that never unprepares. An evicted handle fails with 8179, and the driver then prepares again.
   */
  static final int MAX_HANDLES = 10_000;

  private final Map<Integer, Prepared> byHandle =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Prepared> eldest) {
          return size() > MAX_HANDLES;
        }
      };
  private int next = 1;

  int add(String sql, List<ParamDeclarations.Declared> declarations) {
    int handle = next++;
    byHandle.put(handle, new Prepared(sql, List.copyOf(declarations)));
    return handle;
  }

  Prepared get(int handle) {
    return byHandle.get(handle);
  }

  void remove(int handle) {
    byHandle.remove(handle);
  }

  int size() {
    return byHandle.size();
  }
}
