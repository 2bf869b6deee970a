package io.rdswatch.simulator.sql.lang;

import io.rdswatch.simulator.rds.SqlFailure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a statement's tokens left to right. Handlers use it to match their shape; anything
 * unexpected becomes SQL Server's "Incorrect syntax near '...'".
 */
public final class TokenCursor {
  /** The value of the keyword DEFAULT in an argument list: "use the parameter's default". */
  public static final Object DEFAULT =
      new Object() {
        @Override
        public String toString() {
          return "DEFAULT";
        }
      };

  private final List<Token> tokens;
  private int pos;

  public TokenCursor(List<Token> tokens) {
    this.tokens = tokens;
  }

  public boolean atEnd() {
    return pos >= tokens.size();
  }

  public Token peek() {
    return atEnd() ? null : tokens.get(pos);
  }

  public Token peek(int ahead) {
    int at = pos + ahead;
    return at < tokens.size() ? tokens.get(at) : null;
  }

  public Token next() {
    if (atEnd()) {
      throw syntaxError();
    }
    return tokens.get(pos++);
  }

  public boolean peekWord(String word) {
    return !atEnd() && peek().isWord(word);
  }

  public boolean peekSymbol(String symbol) {
    return !atEnd() && peek().isSymbol(symbol);
  }

  public boolean acceptWord(String word) {
    if (peekWord(word)) {
      pos++;
      return true;
    }
    return false;
  }

  public boolean acceptSymbol(String symbol) {
    if (peekSymbol(symbol)) {
      pos++;
      return true;
    }
    return false;
  }

  public void expectWord(String word) {
    if (!acceptWord(word)) {
      throw syntaxError();
    }
  }

  public void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw syntaxError();
    }
  }

  public void expectEnd() {
    if (!atEnd()) {
      throw syntaxError();
    }
  }

  /** An identifier (plain or quoted); its text without brackets. */
  public String identifier() {
    Token t = next();
    if (!t.isIdentifier()) {
      pos--;
      throw syntaxError();
    }
    return t.text();
  }

  /** A one- to four-part name; empty middle parts ({@code msdb..proc}) are allowed. */
  public ObjectName objectName() {
    List<String> parts = new ArrayList<>();
    parts.add(identifier());
    while (acceptSymbol(".")) {
      if (peekSymbol(".")) {
        parts.add("");
        continue;
      }
      parts.add(identifier());
    }
    return new ObjectName(parts);
  }

  /**
   * A constant or a variable: N'..'/'..' strings, numbers (with a sign), NULL, DEFAULT, a bound
   * {@code @param}, or (as T-SQL allows for procedure arguments) a bare identifier taken as text.
   */
  public Object value(Bindings bindings) {
    Token t = next();
    switch (t.kind()) {
      case STRING:
      case QUOTED_ID:
        return t.text();
      case NUMBER:
        return number(t.text(), false);
      case PARAM:
        return bindings.value(t.text());
      case SYMBOL:
        if ((t.isSymbol("-") || t.isSymbol("+"))
            && !atEnd()
            && peek().kind() == Token.Kind.NUMBER) {
          return number(next().text(), t.isSymbol("-"));
        }
        break;
      case WORD:
        if (t.isWord("NULL")) {
          return null;
        }
        if (t.isWord("DEFAULT")) {
          return DEFAULT;
        }
        return t.text();
      default:
        break;
    }
    pos--;
    throw syntaxError();
  }

  private static Object number(String text, boolean negative) {
    String signed = negative ? "-" + text : text;
    if (text.contains(".")) {
      return new BigDecimal(signed);
    }
    long v = Long.parseLong(signed);
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
  }

  /** SQL Server names the token it stumbled on, or the last one when the text ended early. */
  public SqlFailure syntaxError() {
    if (tokens.isEmpty()) {
      return new SqlFailure(SqlErrors.syntax(""));
    }
    Token near = atEnd() ? tokens.get(tokens.size() - 1) : tokens.get(pos);
    return new SqlFailure(SqlErrors.syntax(near.text()));
  }
}
