package io.rdswatch.simulator.sql.select;

import io.rdswatch.simulator.engine.SqlType;
import io.rdswatch.simulator.rds.SqlFailure;
import io.rdswatch.simulator.sql.lang.ExecContext;
import io.rdswatch.simulator.sql.lang.SqlErrors;
import io.rdswatch.simulator.sql.lang.Token;
import io.rdswatch.simulator.sql.lang.TokenCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses expressions and WHERE conditions. Literals, bound parameters, @@variables and scalar
 * functions become constants right away; columns stay references.
 */
final class ExprParser {
  private static final Set<String> AGGREGATES = Set.of("COUNT", "COUNT_BIG", "SUM", "MIN", "MAX");

  private final TokenCursor c;
  private final ExecContext ctx;

  ExprParser(TokenCursor c, ExecContext ctx) {
    this.c = c;
    this.ctx = ctx;
  }

  Expr expr() {
    Expr left = term();
    while (c.peekSymbol("+") || c.peekSymbol("-")) {
      String op = c.next().text();
      left = new Expr.Arith(left, op, term());
    }
    return left;
  }

  private Expr term() {
    Expr left = primary();
    while (c.peekSymbol("*") || c.peekSymbol("/") || c.peekSymbol("%")) {
      String op = c.next().text();
      left = new Expr.Arith(left, op, primary());
    }
    return left;
  }

  private Expr primary() {
    Token t = c.peek();
    if (t == null) {
      throw c.syntaxError();
    }
    switch (t.kind()) {
      case STRING, NUMBER, PARAM -> {
        Object v = Values.normalise(c.value(ctx.bindings()));
        return new Expr.Const(v, Values.typeOf(v));
      }
      case SYSVAR -> {
        Expr.Const v = ScalarFunctions.variable(c.next().text(), ctx);
        if (v == null) {
          throw new SqlFailure(SqlErrors.mustDeclare(t.text()));
        }
        return v;
      }
      case SYMBOL -> {
        if (t.isSymbol("(")) {
          c.next();
          Expr inner = expr();
          c.expectSymbol(")");
          return inner;
        }
        if (t.isSymbol("-") || t.isSymbol("+")) {
          Object v = c.value(ctx.bindings());
          return new Expr.Const(v, Values.typeOf(v));
        }
        throw c.syntaxError();
      }
      default -> {
        return wordExpr();
      }
    }
  }

  private Expr wordExpr() {
    Token t = c.peek();
    if (t.isWord("NULL")) {
      c.next();
      return new Expr.Const(null, SqlType.INT);
    }
    if (t.isWord("CURRENT_TIMESTAMP")) {
      c.next();
      return ScalarFunctions.call("GETDATE", List.of(), ctx);
    }
    boolean call = c.peek(1) != null && c.peek(1).isSymbol("(");
    if (call && t.isWord("CAST")) {
      return cast();
    }
    if (call && t.kind() == Token.Kind.WORD && AGGREGATES.contains(t.upper())) {
      return aggregate();
    }
    if (call && t.kind() == Token.Kind.WORD && ScalarFunctions.isFunction(t.text())) {
      String name = c.next().text();
      c.expectSymbol("(");
      List<Object> args = new ArrayList<>();
      if (!c.acceptSymbol(")")) {
        do {
          args.add(constant(expr()));
        } while (c.acceptSymbol(","));
        c.expectSymbol(")");
      }
      return ScalarFunctions.call(name, args, ctx);
    }
    String first = c.identifier();
    if (c.acceptSymbol(".")) {
      return new Expr.Col(first, c.identifier());
    }
    return new Expr.Col(null, first);
  }

  private Expr aggregate() {
    String fn = c.next().text();
    c.expectSymbol("(");
    Expr arg = null;
    if (!c.acceptSymbol("*")) {
      arg = expr();
    }
    c.expectSymbol(")");
    return new Expr.Agg(fn, arg);
  }

  private Expr cast() {
    c.next();
    c.expectSymbol("(");
    Expr inner = expr();
    c.expectWord("AS");
    SqlType type = TypeNames.parse(c);
    c.expectSymbol(")");
    return new Expr.Cast(inner, type);
  }

  /** Function arguments must be constants: the simulator folds scalar functions at parse time. */
  private Object constant(Expr e) {
    if (e instanceof Expr.Const k) {
      return k.value();
    }
    throw c.syntaxError();
  }

  // ---- conditions ----

  Cond condition() {
    Cond left = conjunction();
    while (c.acceptWord("OR")) {
      left = new Cond.Or(left, conjunction());
    }
    return left;
  }

  private Cond conjunction() {
    Cond left = negation();
    while (c.acceptWord("AND")) {
      left = new Cond.And(left, negation());
    }
    return left;
  }

  private Cond negation() {
    if (c.acceptWord("NOT")) {
      return new Cond.Not(negation());
    }
    if (c.peekSymbol("(") && startsCondition()) {
      c.next();
      Cond inner = condition();
      c.expectSymbol(")");
      return inner;
    }
    return predicate();
  }

  /** Tells "(a = 1 OR b = 2)" from "(size * 8) > 10" by looking for a comparison before ")". */
  private boolean startsCondition() {
    int depth = 0;
    for (int i = 0; c.peek(i) != null; i++) {
      Token t = c.peek(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        if (--depth == 0) {
          return false;
        }
      } else if (depth == 1
          && (t.kind() == Token.Kind.SYMBOL && "= <> != < > <= >=".contains(t.text())
              || t.isWord("IS")
              || t.isWord("IN")
              || t.isWord("LIKE")
              || t.isWord("AND")
              || t.isWord("OR"))) {
        return true;
      }
    }
    return false;
  }

  private Cond predicate() {
    Expr left = expr();
    if (c.acceptWord("IS")) {
      boolean not = c.acceptWord("NOT");
      c.expectWord("NULL");
      return new Cond.IsNull(left, not);
    }
    boolean not = c.acceptWord("NOT");
    if (c.acceptWord("IN")) {
      c.expectSymbol("(");
      List<Expr> list = new ArrayList<>();
      do {
        list.add(expr());
      } while (c.acceptSymbol(","));
      c.expectSymbol(")");
      return new Cond.In(left, list, not);
    }
    if (c.acceptWord("LIKE")) {
      return new Cond.Like(left, expr(), not);
    }
    if (not) {
      throw c.syntaxError();
    }
    Token op = c.next();
    if (op.kind() != Token.Kind.SYMBOL
        || !Set.of("=", "<>", "!=", "<", ">", "<=", ">=").contains(op.text())) {
      throw new SqlFailure(SqlErrors.syntax(op.text()));
    }
    return new Cond.Compare(left, op.text(), expr());
  }
}
