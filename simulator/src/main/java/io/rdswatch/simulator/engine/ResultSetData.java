package io.rdswatch.simulator.engine;

import java.util.List;

/** COLMETADATA + ROWs. Rows are arrays aligned with {@code columns}. */
public record ResultSetData(List<Column> columns, List<Object[]> rows) implements ReplyItem {

  public ResultSetData {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }
}
