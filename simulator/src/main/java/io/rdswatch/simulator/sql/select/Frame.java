package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.Column;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.rds.SqlFailure;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import java.util.ArrayList;
import java.util.List;

/** The rows a SELECT reads from, with each column's qualifier (table name or alias). */
record Frame(List<String> qualifiers, List<Column> columns, List<Object[]> rows) {

  static Frame single() {
    List<Object[]> one = new ArrayList<>();
    one.add(new Object[0]);
    return new Frame(List.of(), List.of(), one);
  }

  static Frame of(String qualifier, ResultSetData data) {
    List<String> q = new ArrayList<>();
    data.columns().forEach(c -> q.add(qualifier));
    return new Frame(q, data.columns(), new ArrayList<>(data.rows()));
  }

  /** The index of {@code [qualifier.]name}; error 207 when there is none. */
  int indexOf(String qualifier, String name) {
    for (int i = 0; i < columns.size(); i++) {
      boolean qualifies = qualifier == null || qualifier.equalsIgnoreCase(qualifiers.get(i));
      if (qualifies && columns.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new SqlFailure(
        SqlErrors.invalidColumn(qualifier == null ? name : qualifier + "." + name));
  }
}
