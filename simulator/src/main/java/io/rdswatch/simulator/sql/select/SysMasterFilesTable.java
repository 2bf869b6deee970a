package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.Column;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.engine.SqlType;
import io.rdswatch.simulator.rds.Database;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.ObjectName;
import java.util.List;

/**
 * {@code sys.master_files}: a data file (80% of the database) and a log file (20%) per database,
 * {@code size} in 8 KB pages. E.g. {@code SELECT SUM(size) FROM sys.master_files WHERE database_id
 * = DB_ID(N'Sales')} gives the database's size in pages (as BIGINT).
 */
final class SysMasterFilesTable implements VirtualTable {
  private static final int PAGES_PER_MB = 128;
  private static final List<Column> COLUMNS =
      List.of(
          Column.of("database_id", SqlType.INT),
          Column.of("file_id", SqlType.INT),
          Column.of("type", SqlType.INT),
          Column.of("type_desc", SqlType.NVARCHAR),
          Column.of("name", SqlType.NVARCHAR),
          Column.of("physical_name", SqlType.NVARCHAR),
          Column.of("state_desc", SqlType.NVARCHAR),
          Column.of("size", SqlType.INT),
          Column.of("max_size", SqlType.INT),
          Column.of("growth", SqlType.INT));

  @Override
  public boolean matches(ObjectName name, ExecContext ctx) {
    return VirtualTable.isSys(name, "master_files");
  }

  @Override
  public ResultSetData read(ExecContext ctx, List<Object> args) {
    return VirtualTable.perDatabase(
        ctx,
        COLUMNS,
        (d, rows) -> {
          long pages = d.sizeMb() * PAGES_PER_MB;
          long dataPages = pages * 4 / 5;
          rows.add(file(d, 1, 0, "ROWS", d.name(), ".mdf", dataPages));
          rows.add(file(d, 2, 1, "LOG", d.name() + "_log", "_log.ldf", pages - dataPages));
        });
  }

  private static Object[] file(
      Database d, int fileId, int type, String typeDesc, String logical, String ext, long pages) {
    String path = "D:\\rdsdbdata\\DATA\\" + d.name() + ext;
    int size = (int) Math.min(Integer.MAX_VALUE, pages);
    return new Object[] {
      d.id(), fileId, type, typeDesc, logical, path, d.state().name(), size, -1, 8192
    };
  }
}
