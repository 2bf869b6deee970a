package io.rdswatch.simulator.sql.procs;

/**
 * One declared parameter of a simulated procedure, in declaration order (positional arguments bind
 * by it; sp_sproc_columns lists it).
 *
 * @param typeName the T-SQL type as sp_sproc_columns shows it, e.g. "nvarchar" or "int"
 */
public record ProcParam(String name, String typeName, boolean required) {

  public static ProcParam text(String name) {
    return new ProcParam(name, "nvarchar", false);
  }

  public static ProcParam requiredText(String name) {
    return new ProcParam(name, "nvarchar", true);
  }

  public static ProcParam integer(String name) {
    return new ProcParam(name, "int", false);
  }

  public static ProcParam requiredInteger(String name) {
    return new ProcParam(name, "int", true);
  }
}
