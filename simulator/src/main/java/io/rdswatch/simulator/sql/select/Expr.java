package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.SqlType;
import java.util.Locale;

/**
 * A value expression of the simulator's SELECT: a column, a constant (literals, bound parameters
 * and scalar functions are folded to constants when parsed), an aggregate, arithmetic or a CAST.
 */
public sealed interface Expr permits Expr.Col, Expr.Const, Expr.Agg, Expr.Arith, Expr.Cast {

  boolean isAggregate();

  /** The column name SQL Server gives an unaliased expression: a column's name, else none. */
  default String label() {
    return "";
  }

  /** {@code [qualifier.]name}. */
  record Col(String qualifier, String name) implements Expr {
    @Override
    public boolean isAggregate() {
      return false;
    }

    @Override
    public String label() {
      return name;
    }
  }

  record Const(Object value, SqlType type) implements Expr {
    @Override
    public boolean isAggregate() {
      return false;
    }
  }

  /** COUNT, COUNT_BIG, SUM, MIN or MAX; {@code arg} is null for {@code (*)}. */
  record Agg(String function, Expr arg) implements Expr {
    public Agg {
      function = function.toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean isAggregate() {
      return true;
    }
  }

  /** + - * / % between two expressions. */
  record Arith(Expr left, String op, Expr right) implements Expr {
    @Override
    public boolean isAggregate() {
      return left.isAggregate() || right.isAggregate();
    }
  }

  record Cast(Expr inner, SqlType type) implements Expr {
    @Override
    public boolean isAggregate() {
      return inner.isAggregate();
    }

    @Override
    public String label() {
      return "";
    }
  }
}
