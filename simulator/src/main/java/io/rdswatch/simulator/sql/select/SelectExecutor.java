package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.Column;
import io.rdswatch.simulator.engine.ResultSetData;
import io.rdswatch.simulator.engine.SqlMessage;
import io.rdswatch.simulator.engine.SqlType;
import io.rdswatch.simulator.rds.SqlFailure;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs a {@link SelectQuery}: read, CROSS APPLY, filter, aggregate or project, sort, TOP. */
final class SelectExecutor {

  private record Out(Object[] source, Object[] values) {}

  private SelectExecutor() {}

  static ResultSetData run(SelectQuery q, ExecContext ctx) {
    if (q.from() == null) {
      return project(q, Frame.single());
    }
    VirtualTable table = VirtualTables.resolve(q.from().name(), ctx);
    Long counted = table.countOnly(ctx);
    if (counted != null) {
      return countOnly(q, counted);
    }
    Evaluator constants = new Evaluator(Frame.single());
    List<Object> args =
        q.from().args().stream().map(a -> constants.eval(a, new Object[0], List.of())).toList();
    Frame frame = Frame.of(qualifier(q.from()), table.read(ctx, args));
    if (q.apply() != null) {
      frame = crossApply(frame, q.apply(), ctx);
    }
    if (q.where() != null) {
      Evaluator ev = new Evaluator(frame);
      List<Object[]> kept = new ArrayList<>();
      for (Object[] row : frame.rows()) {
        if (Boolean.TRUE.equals(ev.test(q.where(), row))) {
          kept.add(row);
        }
      }
      frame = new Frame(frame.qualifiers(), frame.columns(), kept);
    }
    return project(q, frame);
  }

  private static String qualifier(SelectQuery.Source s) {
    return s.alias() != null ? s.alias() : s.name().object();
  }

  private static Frame crossApply(Frame left, SelectQuery.Source apply, ExecContext ctx) {
    VirtualTable fn = VirtualTables.resolve(apply.name(), ctx);
    Evaluator ev = new Evaluator(left);
    List<String> qualifiers = new ArrayList<>(left.qualifiers());
    List<Column> columns = new ArrayList<>(left.columns());
    List<Object[]> rows = new ArrayList<>();
    boolean first = true;
    for (Object[] l : left.rows()) {
      List<Object> args = apply.args().stream().map(a -> ev.eval(a, l, List.of())).toList();
      ResultSetData right = fn.read(ctx, args);
      if (first) {
        right.columns().forEach(c -> qualifiers.add(qualifier(apply)));
        columns.addAll(right.columns());
        first = false;
      }
      for (Object[] r : right.rows()) {
        Object[] joined = Arrays.copyOf(l, l.length + r.length);
        System.arraycopy(r, 0, joined, l.length, r.length);
        rows.add(joined);
      }
    }
    return new Frame(qualifiers, columns, rows);
  }

  private static ResultSetData countOnly(SelectQuery q, long count) {
    List<Column> columns = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (SelectQuery.Item item : q.items()) {
      if (item.star()
          || !(item.expr() instanceof Expr.Agg a)
          || a.arg() != null
          || !a.function().startsWith("COUNT")
          || q.where() != null
          || q.apply() != null) {
        throw new SqlFailure(SqlErrors.syntax(q.from().name().toString()));
      }
      boolean big = a.function().equals("COUNT_BIG");
      columns.add(Column.of(item.name(), big ? SqlType.BIGINT : SqlType.INT));
      values.add(big ? (Object) count : (Object) Values.intValue(count));
    }
    List<Object[]> rows = new ArrayList<>();
    rows.add(values.toArray());
    return new ResultSetData(columns, rows);
  }

  private static ResultSetData project(SelectQuery q, Frame frame) {
    Evaluator ev = new Evaluator(frame);
    List<Column> columns = new ArrayList<>();
    for (SelectQuery.Item item : q.items()) {
      if (item.star()) {
        for (int i = 0; i < frame.columns().size(); i++) {
          if (item.starQualifier() == null
              || item.starQualifier().equalsIgnoreCase(frame.qualifiers().get(i))) {
            columns.add(frame.columns().get(i));
          }
        }
      } else {
        columns.add(Column.of(item.name(), ev.type(item.expr())));
      }
    }
    List<Out> out = new ArrayList<>();
    if (q.isAggregate()) {
      for (SelectQuery.Item item : q.items()) {
        if (item.star() || !item.expr().isAggregate() && !(item.expr() instanceof Expr.Const)) {
          throw new SqlFailure(notAggregated(item));
        }
      }
      out.add(new Out(new Object[0], values(q, frame, ev, new Object[0], frame.rows())));
    } else {
      for (Object[] row : frame.rows()) {
        out.add(new Out(row, values(q, frame, ev, row, List.of())));
      }
    }
    if (q.distinct()) {
      Set<List<Object>> seen = new LinkedHashSet<>();
      out.removeIf(o -> !seen.add(Arrays.asList(o.values())));
    }
    if (!q.orderBy().isEmpty()) {
      out.sort(order(q, columns, ev));
    }
    if (q.top() != null && out.size() > q.top()) {
      out = out.subList(0, Math.max(0, q.top()));
    }
    return new ResultSetData(columns, out.stream().map(Out::values).toList());
  }

  private static Object[] values(
      SelectQuery q, Frame frame, Evaluator ev, Object[] row, List<Object[]> group) {
    List<Object> values = new ArrayList<>();
    for (SelectQuery.Item item : q.items()) {
      if (item.star()) {
        for (int i = 0; i < frame.columns().size(); i++) {
          if (item.starQualifier() == null
              || item.starQualifier().equalsIgnoreCase(frame.qualifiers().get(i))) {
            values.add(row[i]);
          }
        }
      } else {
        values.add(ev.eval(item.expr(), row, group));
      }
    }
    return values.toArray();
  }

  private static Comparator<Out> order(SelectQuery q, List<Column> columns, Evaluator ev) {
    Comparator<Out> all = (a, b) -> 0;
    for (SelectQuery.Order o : q.orderBy()) {
      int outIndex = outputIndex(o, columns);
      Comparator<Out> one =
          Comparator.comparing(
              (Out r) ->
                  outIndex >= 0 ? r.values()[outIndex] : ev.eval(o.expr(), r.source(), List.of()),
              Comparator.nullsFirst(Values::compare));
      all = all.thenComparing(o.descending() ? one.reversed() : one);
    }
    return all;
  }

  private static int outputIndex(SelectQuery.Order o, List<Column> columns) {
    if (o.position() != null) {
      if (o.position() < 1 || o.position() > columns.size()) {
        throw new SqlFailure(
            SqlMessage.error(
                108,
                1,
                16,
                "The ORDER BY position number "
                    + o.position()
                    + " is out of range of the number of items in the select list.",
                "",
                1));
      }
      return o.position() - 1;
    }
    if (o.expr() instanceof Expr.Col c && c.qualifier() == null) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).name().equalsIgnoreCase(c.name())) {
          return i;
        }
      }
    }
    return -1;
  }

  private static SqlMessage notAggregated(SelectQuery.Item item) {
    String name = item.star() ? "*" : item.expr().label();
    return SqlMessage.error(
        8120,
        1,
        16,
        "Column '"
            + name
            + "' is invalid in the select list because it is not contained in either an aggregate "
            + "function or the GROUP BY clause.",
        "",
        1);
  }
}
