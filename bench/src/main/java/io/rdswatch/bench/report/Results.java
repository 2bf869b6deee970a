package io.rdswatch.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run found: the table rows, and per figure the raw repetitions behind them. */
public final class Results {

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Object> details = new LinkedHashMap<>();

  public synchronized void add(Row row) {
    rows.add(row);
  }

  public synchronized void detail(String key, Object value) {
    details.put(key, value);
  }

  public synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  public synchronized Map<String, Object> details() {
    return new LinkedHashMap<>(details);
  }

  /** The figures (1-7) that have at least one row. */
  public synchronized List<String> figures() {
    return rows.stream().map(Row::figure).distinct().toList();
  }

  public synchronized boolean allPass() {
    return rows.stream().noneMatch(r -> Boolean.FALSE.equals(r.pass()));
  }
}
