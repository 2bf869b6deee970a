package io.rdswatch.simulator.sql.procs;

import java.util.List;

/** Name, home database and parameters of a procedure, so each one only says what a call does. */
abstract class BaseProcedure implements Procedure {
  private final String name;
  private final String database;
  private final List<ProcParam> params;

  /**
   * @param database "msdb" for RDS procedures, null for system ones callable from anywhere
   */
  BaseProcedure(String name, String database, ProcParam... params) {
    this.name = name;
    this.database = database;
    this.params = List.of(params);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String database() {
    return database;
  }

  @Override
  public final List<ProcParam> params() {
    return params;
  }
}
