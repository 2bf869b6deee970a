package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.ObjectName;
import io.rdswatch.simulator.sql.lang.SqlStatement;
import io.rdswatch.simulator.sql.lang.Token;
import io.rdswatch.simulator.sql.lang.TokenCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the SELECT shape the simulator answers:
 *
 * <pre>
 * SELECT [DISTINCT] [TOP n | TOP (n)] item [, item]...
 *   [FROM source [[AS] alias] [CROSS APPLY tvf(args) [[AS] alias]]]
 *   [WHERE condition]  [ORDER BY expr|alias|position [ASC|DESC], ...]
 * </pre>
 *
 * No joins, GROUP BY or subqueries: anything else is a syntax error near the first token not
 * understood.
 */
final class SelectParser {
  private static final Set<String> RESERVED =
      Set.of(
          "FROM", "WHERE", "ORDER", "GROUP", "HAVING", "UNION", "CROSS", "JOIN", "INNER", "LEFT",
          "ON", "AND", "OR", "AS", "OPTION", "FOR", "INTO");

  private SelectParser() {}

  static SelectQuery parse(SqlStatement statement, ExecContext ctx) {
    TokenCursor c = statement.cursor();
    ExprParser exprs = new ExprParser(c, ctx);
    c.expectWord("SELECT");
    boolean distinct = c.acceptWord("DISTINCT");
    Integer top = null;
    if (c.acceptWord("TOP")) {
      boolean paren = c.acceptSymbol("(");
      top = Values.number(c.value(ctx.bindings())).intValue();
      if (paren) {
        c.expectSymbol(")");
      }
    }
    List<SelectQuery.Item> items = new ArrayList<>();
    do {
      items.add(item(c, exprs));
    } while (c.acceptSymbol(","));
    SelectQuery.Source from = null;
    SelectQuery.Source apply = null;
    if (c.acceptWord("FROM")) {
      from = source(c, exprs);
      if (c.acceptWord("CROSS")) {
        c.expectWord("APPLY");
        apply = source(c, exprs);
      }
    }
    Cond where = c.acceptWord("WHERE") ? exprs.condition() : null;
    List<SelectQuery.Order> order = new ArrayList<>();
    if (c.acceptWord("ORDER")) {
      c.expectWord("BY");
      do {
        order.add(order(c, exprs));
      } while (c.acceptSymbol(","));
    }
    c.expectEnd();
    return new SelectQuery(distinct, top, items, from, apply, where, order);
  }

  private static SelectQuery.Item item(TokenCursor c, ExprParser exprs) {
    if (c.acceptSymbol("*")) {
      return new SelectQuery.Item(null, null, true, null);
    }
    Token t = c.peek();
    if (t != null
        && t.isIdentifier()
        && c.peek(1) != null
        && c.peek(1).isSymbol(".")
        && c.peek(2) != null
        && c.peek(2).isSymbol("*")) {
      c.next();
      c.next();
      c.next();
      return new SelectQuery.Item(null, null, true, t.text());
    }
    if (t != null && t.isIdentifier() && c.peek(1) != null && c.peek(1).isSymbol("=")) {
      String alias = c.identifier();
      c.next();
      return new SelectQuery.Item(exprs.expr(), alias, false, null);
    }
    Expr e = exprs.expr();
    return new SelectQuery.Item(e, alias(c), false, null);
  }

  private static String alias(TokenCursor c) {
    if (c.acceptWord("AS")) {
      Token t = c.next();
      return t.text();
    }
    Token t = c.peek();
    if (t == null) {
      return null;
    }
    boolean word = t.kind() == Token.Kind.WORD && !RESERVED.contains(t.upper());
    if (word || t.kind() == Token.Kind.QUOTED_ID || t.kind() == Token.Kind.STRING) {
      c.next();
      return t.text();
    }
    return null;
  }

  private static SelectQuery.Source source(TokenCursor c, ExprParser exprs) {
    ObjectName name = c.objectName();
    List<Expr> args = new ArrayList<>();
    if (c.acceptSymbol("(")) {
      if (!c.acceptSymbol(")")) {
        do {
          args.add(exprs.expr());
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
      }
    }
    String alias = alias(c);
    return new SelectQuery.Source(name, args, alias);
  }

  private static SelectQuery.Order order(TokenCursor c, ExprParser exprs) {
    Token t = c.peek();
    Integer position = null;
    Expr e = null;
    if (t != null && t.kind() == Token.Kind.NUMBER) {
      position = Integer.parseInt(c.next().text());
    } else {
      e = exprs.expr();
    }
    boolean desc = c.acceptWord("DESC");
    if (!desc) {
      c.acceptWord("ASC");
    }
    return new SelectQuery.Order(e, position, desc);
  }
}
