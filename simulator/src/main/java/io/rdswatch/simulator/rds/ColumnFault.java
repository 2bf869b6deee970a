package io.rdswatch.simulator.rds;

import java.util.Objects;

/**
 * A change to rds_task_status's 14 columns, as other engine versions or doc revisions show them: a
 * column missing, an extra one, or one renamed.
 *
 * @param column the column removed or renamed, or the name of the extra column
 * @param newName the new name when renamed
 */
public record ColumnFault(Kind kind, String column, String newName) {

  public enum Kind {
    NONE,
    MISSING,
    EXTRA,
    RENAMED
  }

  public static final ColumnFault NONE = new ColumnFault(Kind.NONE, null, null);

  public ColumnFault {
    Objects.requireNonNull(kind, "kind");
    if (kind != Kind.NONE && (column == null || column.isBlank())) {
      throw new IllegalArgumentException("a " + kind + " column fault needs a column name");
    }
    if (kind == Kind.RENAMED && (newName == null || newName.isBlank())) {
      throw new IllegalArgumentException("a renamed column fault needs the new name");
    }
  }

  public static ColumnFault missing(String column) {
    return new ColumnFault(Kind.MISSING, column, null);
  }

  /** An extra trailing column, e.g. task_metadata, always NULL. */
  public static ColumnFault extra(String column) {
    return new ColumnFault(Kind.EXTRA, column, null);
  }

  public static ColumnFault renamed(String column, String newName) {
    return new ColumnFault(Kind.RENAMED, column, newName);
  }
}
