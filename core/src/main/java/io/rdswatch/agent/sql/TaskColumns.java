package io.rdswatch.agent.sql;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The task table's columns as one server labels them, by normalised name. AWS spells some of them
 * differently across engine versions ("duration (mins)" / "duration(mins)"), and naming a column
 * the server does not have fails the whole query, so narrow queries use the labels a full read
 * returned.
 */
public record TaskColumns(Map<String, String> labels) {

  /** The documented spellings, until a full read has shown the server's own. */
  public static final TaskColumns DOCUMENTED =
      new TaskColumns(
          Map.of(
              "taskid",
              "task_id",
              "tasktype",
              "task_type",
              "databasename",
              "database_name",
              "%complete",
              "% complete",
              "durationmins",
              "duration (mins)",
              "lifecycle",
              "lifecycle",
              "taskinfo",
              "task_info",
              "lastupdated",
              "last_updated",
              "createdat",
              "created_at"));

  /** Every column a row is built from except task_info, in RDS's column order. */
  private static final List<String> NARROW =
      List.of(
          "taskid",
          "tasktype",
          "databasename",
          "%complete",
          "durationmins",
          "lifecycle",
          "lastupdated",
          "createdat",
          "s3objectarn",
          "overwrites3backupfile",
          "kmsmasterkeyarn");

  public TaskColumns {
    labels = Map.copyOf(labels);
  }

  static TaskColumns of(Map<String, String> labels) {
    return new TaskColumns(labels);
  }

  /** The select list of a read without task_info: the columns this server has, bracket-quoted. */
  String narrowList() {
    return NARROW.stream()
        .filter(labels::containsKey)
        .map(this::quoted)
        .collect(Collectors.joining(", "));
  }

  /** A column by normalised name, bracket-quoted (a label may hold spaces, % or brackets). */
  String quoted(String key) {
    String label = labels.getOrDefault(key, DOCUMENTED.labels.get(key));
    return "[" + label.replace("]", "]]") + "]";
  }
}
