package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.Column;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.engine.SqlType;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.ObjectName;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sys.dm_os_volume_stats(database_id, file_id)}: every file of an RDS instance lives on one
 * volume (D:\), whose size and free space the scenario sets. Works alone ({@code FROM
 * sys.dm_os_volume_stats(DB_ID(N'x'), 1)}) or as {@code CROSS APPLY} over sys.master_files.
 */
final class VolumeStatsFunction implements VirtualTable {
  private static final List<Column> COLUMNS =
      List.of(
          Column.of("database_id", SqlType.INT),
          Column.of("file_id", SqlType.INT),
          Column.of("volume_mount_point", SqlType.NVARCHAR),
          Column.of("logical_volume_name", SqlType.NVARCHAR),
          Column.of("file_system_type", SqlType.NVARCHAR),
          Column.of("total_bytes", SqlType.BIGINT),
          Column.of("available_bytes", SqlType.BIGINT));

  @Override
  public boolean matches(ObjectName name, ExecContext ctx) {
    return VirtualTable.isSys(name, "dm_os_volume_stats");
  }

  @Override
  public ResultSetData read(ExecContext ctx, List<Object> args) {
    Object dbId = args.isEmpty() ? null : args.get(0);
    Object fileId = args.size() < 2 ? null : args.get(1);
    List<Object[]> rows = new ArrayList<>();
    long[] space =
        ctx.rds().locked(() -> new long[] {ctx.rds().totalBytes(), ctx.rds().freeBytes()});
    rows.add(new Object[] {dbId, fileId, "D:\\", "rdsdbdata", "NTFS", space[0], space[1]});
    return new ResultSetData(COLUMNS, rows);
  }
}
