package io.rdswatch.simulator.sql.lang;

import io.rdswatch.simulator.rds.SqlFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns T-SQL text into tokens. Comments vanish (a comment containing a line break counts as one);
 * quotes and brackets are honoured, so nothing inside them is ever taken for a separator.
 */
public final class Lexer {
  private static final String TWO_CHAR_SYMBOLS = ">=<=<>!=!<!>";

  private final String sql;
  private int pos;
  private boolean newline;
  private final List<Token> tokens = new ArrayList<>();

  private Lexer(String sql) {
    this.sql = sql;
  }

  public static List<Token> tokenize(String sql) {
    Lexer lexer = new Lexer(sql);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (c == '\n' || c == '\r') {
        newline = true;
        pos++;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '-' && peek(1) == '-') {
        skipLineComment();
      } else if (c == '/' && peek(1) == '*') {
        skipBlockComment();
      } else if ((c == 'N' || c == 'n') && peek(1) == '\'') {
        int start = pos;
        pos++;
        add(Token.Kind.STRING, quoted('\'', '\''), true, start);
      } else if (c == '\'') {
        int start = pos;
        add(Token.Kind.STRING, quoted('\'', '\''), false, start);
      } else if (c == '[') {
        int start = pos;
        add(Token.Kind.QUOTED_ID, quoted('[', ']'), false, start);
      } else if (c == '"') {
        int start = pos;
        add(Token.Kind.QUOTED_ID, quoted('"', '"'), false, start);
      } else if (c == '@') {
        readVariable();
      } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
        readNumber();
      } else if (isWordStart(c)) {
        int start = pos;
        while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
          pos++;
        }
        add(Token.Kind.WORD, sql.substring(start, pos), false, start);
      } else {
        readSymbol(c);
      }
    }
  }

  private char peek(int ahead) {
    int at = pos + ahead;
    return at < sql.length() ? sql.charAt(at) : '\0';
  }

  private void skipLineComment() {
    while (pos < sql.length() && sql.charAt(pos) != '\n') {
      pos++;
    }
  }

  private void skipBlockComment() {
    int end = sql.indexOf("*/", pos + 2);
    if (end < 0) {
      throw new SqlFailure(SqlErrors.missingEndComment());
    }
    if (sql.substring(pos, end).indexOf('\n') >= 0) {
      newline = true;
    }
    pos = end + 2;
  }

  /** Reads from an opening quote to its close; a doubled closing quote is an escaped one. */
  private String quoted(char open, char close) {
    int start = pos;
    pos++;
    StringBuilder value = new StringBuilder();
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (c == close) {
        if (peek(1) == close) {
          value.append(close);
          pos += 2;
          continue;
        }
        pos++;
        return value.toString();
      }
      value.append(c);
      pos++;
    }
    throw new SqlFailure(SqlErrors.unclosedQuote(sql.substring(start)));
  }

  private void readVariable() {
    int start = pos;
    boolean system = peek(1) == '@';
    pos += system ? 2 : 1;
    while (pos < sql.length() && isWordPart(sql.charAt(pos))) {
      pos++;
    }
    String name = sql.substring(start, pos);
    add(system ? Token.Kind.SYSVAR : Token.Kind.PARAM, name, false, start);
  }

  private void readNumber() {
    int start = pos;
    while (pos < sql.length() && (Character.isDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
      pos++;
    }
    add(Token.Kind.NUMBER, sql.substring(start, pos), false, start);
  }

  private void readSymbol(char c) {
    if (pos + 1 < sql.length()) {
      String two = sql.substring(pos, pos + 2);
      int at = TWO_CHAR_SYMBOLS.indexOf(two);
      if (at >= 0 && at % 2 == 0) {
        add(Token.Kind.SYMBOL, two, false, pos);
        pos += 2;
        return;
      }
    }
    add(Token.Kind.SYMBOL, String.valueOf(c), false, pos);
    pos++;
  }

  private void add(Token.Kind kind, String text, boolean unicode, int offset) {
    tokens.add(new Token(kind, text, unicode, newline, offset));
    newline = false;
  }

  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '#';
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '#' || c == '$';
  }
}
