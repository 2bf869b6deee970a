package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Column;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.engine.SqlType;
import io.rdswatch.simulator.rds.ColumnFault;
import java.util.ArrayList;
import java.util.List;

/** Applies a {@link ColumnFault} to a result set. */
final class ColumnFaults {

  private ColumnFaults() {}

  static ResultSetData apply(ResultSetData data, ColumnFault fault) {
    return switch (fault.kind()) {
      case NONE -> data;
      case MISSING -> drop(data, indexOf(data, fault.column()));
      case RENAMED -> rename(data, indexOf(data, fault.column()), fault.newName());
      case EXTRA -> extra(data, fault.column());
    };
  }

  private static int indexOf(ResultSetData data, String name) {
    for (int i = 0; i < data.columns().size(); i++) {
      if (data.columns().get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private static ResultSetData drop(ResultSetData data, int at) {
    if (at < 0) {
      return data;
    }
    List<Column> columns = new ArrayList<>(data.columns());
    columns.remove(at);
    List<Object[]> rows = new ArrayList<>();
    for (Object[] r : data.rows()) {
      Object[] n = new Object[r.length - 1];
      System.arraycopy(r, 0, n, 0, at);
      System.arraycopy(r, at + 1, n, at, r.length - at - 1);
      rows.add(n);
    }
    return new ResultSetData(columns, rows);
  }

  private static ResultSetData rename(ResultSetData data, int at, String newName) {
    if (at < 0) {
      return data;
    }
    List<Column> columns = new ArrayList<>(data.columns());
    columns.set(at, Column.of(newName, columns.get(at).type()));
    return new ResultSetData(columns, data.rows());
  }

  private static ResultSetData extra(ResultSetData data, String name) {
    List<Column> columns = new ArrayList<>(data.columns());
    columns.add(Column.of(name, SqlType.NVARCHAR));
    List<Object[]> rows = new ArrayList<>();
    for (Object[] r : data.rows()) {
      Object[] n = java.util.Arrays.copyOf(r, r.length + 1);
      rows.add(n);
    }
    return new ResultSetData(columns, rows);
  }
}
