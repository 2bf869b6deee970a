package io.rdswatch.simulator.sql.select;

import java.util.List;

/** A WHERE predicate. Evaluated with SQL's three-valued logic (null = unknown). */
public sealed interface Cond
    permits Cond.Compare, Cond.IsNull, Cond.In, Cond.Like, Cond.And, Cond.Or, Cond.Not {

  /** = <> != < > <= >= */
  record Compare(Expr left, String op, Expr right) implements Cond {}

  record IsNull(Expr expr, boolean negated) implements Cond {}

  record In(Expr expr, List<Expr> list, boolean negated) implements Cond {}

  record Like(Expr expr, Expr pattern, boolean negated) implements Cond {}

  record And(Cond left, Cond right) implements Cond {}

  record Or(Cond left, Cond right) implements Cond {}

  record Not(Cond inner) implements Cond {}
}
