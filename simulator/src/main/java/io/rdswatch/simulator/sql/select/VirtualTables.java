package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.rds.SqlFailure;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.ObjectName;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import java.util.List;

/**
 * THE list of catalog views and functions SELECT can read. Names not listed here are looked up as
 * user tables of the session's (or the named) database.
 */
final class VirtualTables {
  private static final List<VirtualTable> TABLES =
      List.of(
          new SysDatabasesTable(),
          new SysMasterFilesTable(),
          new VolumeStatsFunction(),
          new TaskStatusFunction(),
          new FileDetailsFunction());

  private VirtualTables() {}

  static VirtualTable resolve(ObjectName name, ExecContext ctx) {
    for (VirtualTable t : TABLES) {
      if (t.matches(name, ctx)) {
        return t;
      }
    }
    if (name.schema().equalsIgnoreCase("sys")
        || name.object().toLowerCase(java.util.Locale.ROOT).startsWith("rds_")) {
      throw new SqlFailure(SqlErrors.invalidObject(name.toString()));
    }
    return UserTable.resolve(name, ctx);
  }
}
