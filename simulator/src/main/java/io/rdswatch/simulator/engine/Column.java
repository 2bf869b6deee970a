package io.rdswatch.simulator.engine;

public record Column(String name, SqlType type) {

  public static Column of(String name, SqlType type) {
    return new Column(name, type);
  }
}
