package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.sql.lang.ObjectName;
import java.util.List;

/** A parsed SELECT. {@code from} is null for a SELECT without FROM. */
public record SelectQuery(
    boolean distinct,
    Integer top,
    List<Item> items,
    Source from,
    Source apply,
    Cond where,
    List<Order> orderBy) {

  /** One select-list entry; {@code star} for {@code *} or {@code alias.*}. */
  public record Item(Expr expr, String alias, boolean star, String starQualifier) {
    public String name() {
      return alias != null ? alias : expr.label();
    }
  }

  /** A table, view or table-valued function, with its arguments (TVFs) and alias. */
  public record Source(ObjectName name, List<Expr> args, String alias) {}

  /** By output column (name or 1-based position) or by expression. */
  public record Order(Expr expr, Integer position, boolean descending) {}

  public boolean isAggregate() {
    return items.stream().anyMatch(i -> !i.star() && i.expr().isAggregate());
  }
}
