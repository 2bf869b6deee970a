package io.rdswatch.simulator.sql.procs;

import io.rdswatch.simulator.engine.Column;
import io.rdswatch.simulator.engine.Reply;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.engine.SqlType;
import io.rdswatch.simulator.sql.lang.ExecContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sp_sproc_columns @procedure_name=...}: the parameter list of a simulated procedure.
 * mssql-jdbc runs it for named CallableStatement parameters and reads COLUMN_NAME (column 4) of
 * every row, the first row being @RETURN_VALUE; the row order gives the parameter positions.
 */
final class SpSprocColumnsProc extends BaseProcedure {
  private static final List<Column> COLUMNS =
      List.of(
          Column.of("PROCEDURE_QUALIFIER", SqlType.NVARCHAR),
          Column.of("PROCEDURE_OWNER", SqlType.NVARCHAR),
          Column.of("PROCEDURE_NAME", SqlType.NVARCHAR),
          Column.of("COLUMN_NAME", SqlType.NVARCHAR),
          Column.of("COLUMN_TYPE", SqlType.INT),
          Column.of("DATA_TYPE", SqlType.INT),
          Column.of("TYPE_NAME", SqlType.NVARCHAR),
          Column.of("PRECISION", SqlType.INT),
          Column.of("LENGTH", SqlType.INT),
          Column.of("SCALE", SqlType.INT),
          Column.of("RADIX", SqlType.INT),
          Column.of("NULLABLE", SqlType.INT),
          Column.of("REMARKS", SqlType.NVARCHAR),
          Column.of("COLUMN_DEF", SqlType.NVARCHAR),
          Column.of("SQL_DATA_TYPE", SqlType.INT),
          Column.of("SQL_DATETIME_SUB", SqlType.INT),
          Column.of("CHAR_OCTET_LENGTH", SqlType.INT),
          Column.of("ORDINAL_POSITION", SqlType.INT),
          Column.of("IS_NULLABLE", SqlType.NVARCHAR),
          Column.of("SS_DATA_TYPE", SqlType.INT));
  private static final int SQL_RETURN_VALUE = 5;
  private static final int SQL_PARAM_INPUT = 1;

  SpSprocColumnsProc() {
    super(
        "sp_sproc_columns",
        null,
        ProcParam.requiredText("@procedure_name"),
        ProcParam.text("@procedure_owner"),
        ProcParam.text("@procedure_qualifier"),
        ProcParam.text("@column_name"),
        ProcParam.integer("@ODBCVer"),
        ProcParam.integer("@fUsePattern"));
  }

  @Override
  public Reply call(ProcCall call, ExecContext ctx) {
    Procedure p = ProcedureCatalog.standard().byName(call.text("@procedure_name"));
    List<Object[]> rows = new ArrayList<>();
    if (p != null) {
      String qualifier = p.database() == null ? ctx.session().database() : p.database();
      String owner = p.database() == null ? "sys" : "dbo";
      String procName = p.name() + ";1";
      rows.add(row(qualifier, owner, procName, "@RETURN_VALUE", SQL_RETURN_VALUE, "int", 0));
      int ordinal = 1;
      for (ProcParam param : p.params()) {
        rows.add(
            row(
                qualifier,
                owner,
                procName,
                param.name(),
                SQL_PARAM_INPUT,
                param.typeName(),
                ordinal++));
      }
    }
    return Reply.of(new ResultSetData(COLUMNS, rows)).withReturnStatus(0);
  }

  private static Object[] row(
      String qualifier,
      String owner,
      String proc,
      String column,
      int columnType,
      String type,
      int ordinal) {
    boolean text = type.equals("nvarchar");
    int dataType = text ? -9 : 4;
    int length = text ? 512 : 4;
    return new Object[] {
      qualifier,
      owner,
      proc,
      column,
      columnType,
      dataType,
      type,
      text ? 256 : 10,
      length,
      text ? null : 0,
      text ? null : 10,
      1,
      null,
      null,
      dataType,
      null,
      text ? length : null,
      ordinal,
      "YES",
      text ? 39 : 56
    };
  }
}
