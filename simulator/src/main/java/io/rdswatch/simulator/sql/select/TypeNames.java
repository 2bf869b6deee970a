package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.SqlType;
import io.rdswatch.simulator.sql.lang.TokenCursor;

/** T-SQL type names in CAST, mapped to the simulator's column types. */
final class TypeNames {

  private TypeNames() {}

  static SqlType parse(TokenCursor c) {
    String name = c.identifier().toUpperCase(java.util.Locale.ROOT);
    SqlType type =
        switch (name) {
          case "INT", "SMALLINT", "TINYINT" -> SqlType.INT;
          case "BIGINT" -> SqlType.BIGINT;
          case "BIT" -> SqlType.BIT;
          case "FLOAT", "REAL" -> SqlType.FLOAT;
          case "DECIMAL", "NUMERIC", "MONEY" -> SqlType.DECIMAL;
          case "NVARCHAR", "VARCHAR", "NCHAR", "CHAR", "SYSNAME" -> SqlType.NVARCHAR;
          case "DATETIME", "DATETIME2", "SMALLDATETIME", "DATE" -> SqlType.DATETIME;
          case "DATETIMEOFFSET" -> SqlType.DATETIMEOFFSET;
          default -> throw c.syntaxError();
        };
    if (c.acceptSymbol("(")) {
      boolean max = c.acceptWord("MAX");
      if (!max) {
        c.next();
        if (c.acceptSymbol(",")) {
          c.next();
        }
      }
      c.expectSymbol(")");
      if (max && type == SqlType.NVARCHAR) {
        return SqlType.NVARCHAR_MAX;
      }
    }
    return type;
  }
}
