package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.SqlMessage;
import io.rdswatch.simulator.engine.SqlType;
import io.rdswatch.simulator.rds.SqlFailure;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/** Evaluates expressions and conditions over a frame's row (and, for aggregates, its group). */
final class Evaluator {
  private final Frame frame;

  Evaluator(Frame frame) {
    this.frame = frame;
  }

  SqlType type(Expr e) {
    if (e instanceof Expr.Col c) {
      return frame.columns().get(frame.indexOf(c.qualifier(), c.name())).type();
    }
    if (e instanceof Expr.Const k) {
      return k.type();
    }
    if (e instanceof Expr.Cast c) {
      return c.type();
    }
    if (e instanceof Expr.Arith a) {
      return widest(type(a.left()), type(a.right()));
    }
    Expr.Agg a = (Expr.Agg) e;
    switch (a.function()) {
      case "COUNT":
        return SqlType.INT;
      case "COUNT_BIG":
        return SqlType.BIGINT;
      case "SUM":
        SqlType t = type(a.arg());
        // SQL Server sums INT into INT; the simulator uses BIGINT so page counts never overflow.
        return t == SqlType.INT || t == SqlType.BIGINT || t == SqlType.BIT ? SqlType.BIGINT : t;
      default:
        return type(a.arg());
    }
  }

  private static SqlType widest(SqlType l, SqlType r) {
    if (!Values.isNumeric(l) || !Values.isNumeric(r)) {
      return SqlType.NVARCHAR;
    }
    for (SqlType t : List.of(SqlType.FLOAT, SqlType.DECIMAL, SqlType.BIGINT)) {
      if (l == t || r == t) {
        return t;
      }
    }
    return SqlType.INT;
  }

  Object eval(Expr e, Object[] row, List<Object[]> group) {
    if (e instanceof Expr.Col c) {
      return row[frame.indexOf(c.qualifier(), c.name())];
    }
    if (e instanceof Expr.Const k) {
      return k.value();
    }
    if (e instanceof Expr.Cast c) {
      return Values.convert(eval(c.inner(), row, group), c.type());
    }
    if (e instanceof Expr.Agg a) {
      return aggregate(a, group);
    }
    return arith((Expr.Arith) e, row, group);
  }

  private Object aggregate(Expr.Agg a, List<Object[]> group) {
    switch (a.function()) {
      case "COUNT", "COUNT_BIG" -> {
        long n =
            a.arg() == null
                ? group.size()
                : group.stream().filter(r -> eval(a.arg(), r, group) != null).count();
        return a.function().equals("COUNT") ? (Object) Values.intValue(n) : (Object) n;
      }
      case "SUM" -> {
        BigDecimal sum = null;
        for (Object[] r : group) {
          Object v = eval(a.arg(), r, group);
          if (v != null) {
            sum = sum == null ? Values.number(v) : sum.add(Values.number(v));
          }
        }
        return Values.convert(sum, type(a));
      }
      default -> {
        Object best = null;
        for (Object[] r : group) {
          Object v = eval(a.arg(), r, group);
          if (v != null
              && (best == null || (Values.compare(v, best) < 0) == a.function().equals("MIN"))) {
            best = v;
          }
        }
        return best;
      }
    }
  }

  private Object arith(Expr.Arith a, Object[] row, List<Object[]> group) {
    Object l = eval(a.left(), row, group);
    Object r = eval(a.right(), row, group);
    if (l == null || r == null) {
      return null;
    }
    SqlType type = type(a);
    if (type == SqlType.NVARCHAR) {
      if (!a.op().equals("+")) {
        throw new SqlFailure(
            SqlMessage.error(
                402,
                1,
                16,
                "The data types are incompatible in the " + a.op() + " operator.",
                "",
                1));
      }
      return l.toString() + r;
    }
    BigDecimal x = Values.number(l);
    BigDecimal y = Values.number(r);
    boolean integral = type == SqlType.INT || type == SqlType.BIGINT;
    if ((a.op().equals("/") || a.op().equals("%")) && y.signum() == 0) {
      throw new SqlFailure(
          SqlMessage.error(8134, 1, 16, "Divide by zero error encountered.", "", 1));
    }
    BigDecimal result =
        switch (a.op()) {
          case "+" -> x.add(y);
          case "-" -> x.subtract(y);
          case "*" -> x.multiply(y);
          case "/" ->
              integral
                  ? new BigDecimal(x.toBigInteger().divide(y.toBigInteger()))
                  : x.divide(y, MathContext.DECIMAL64);
          default -> x.remainder(y);
        };
    return Values.convert(result, type);
  }

  /** TRUE, FALSE or null (unknown). */
  Boolean test(Cond c, Object[] row) {
    if (c instanceof Cond.Compare k) {
      return compare(k, row);
    }
    if (c instanceof Cond.IsNull n) {
      return (eval(n.expr(), row, List.of()) == null) != n.negated();
    }
    if (c instanceof Cond.In in) {
      return in(in, row);
    }
    if (c instanceof Cond.Like like) {
      Object v = eval(like.expr(), row, List.of());
      Object p = eval(like.pattern(), row, List.of());
      return v == null || p == null
          ? null
          : Values.like(v.toString(), p.toString()) != like.negated();
    }
    if (c instanceof Cond.And and) {
      return and(test(and.left(), row), test(and.right(), row));
    }
    if (c instanceof Cond.Or or) {
      return not(and(not(test(or.left(), row)), not(test(or.right(), row))));
    }
    return not(test(((Cond.Not) c).inner(), row));
  }

  private Boolean compare(Cond.Compare k, Object[] row) {
    Object l = eval(k.left(), row, List.of());
    Object r = eval(k.right(), row, List.of());
    if (l == null || r == null) {
      return null;
    }
    int cmp = Values.compare(l, r);
    return switch (k.op()) {
      case "=" -> cmp == 0;
      case "<>", "!=" -> cmp != 0;
      case "<" -> cmp < 0;
      case ">" -> cmp > 0;
      case "<=" -> cmp <= 0;
      default -> cmp >= 0;
    };
  }

  private Boolean in(Cond.In in, Object[] row) {
    Object v = eval(in.expr(), row, List.of());
    if (v == null) {
      return null;
    }
    boolean unknown = false;
    for (Expr e : in.list()) {
      Object x = eval(e, row, List.of());
      if (x == null) {
        unknown = true;
      } else if (Values.compare(v, x) == 0) {
        return !in.negated();
      }
    }
    return unknown ? null : in.negated();
  }

  private static Boolean and(Boolean a, Boolean b) {
    if (Objects.equals(a, false) || Objects.equals(b, false)) {
      return false;
    }
    return a == null || b == null ? null : true;
  }

  private static Boolean not(Boolean a) {
    return a == null ? null : !a;
  }
}
