package io.rdswatch.simulator.sql.lang;

import java.util.Locale;

/**
 * One lexical token of T-SQL. {@code text} is the token as the statement means it: a string
 * literal's value without quotes (with '' unescaped), a bracketed identifier without brackets, a
 * parameter with its leading @.
 *
 * @param newlineBefore a line break (or a comment spanning one) precedes the token; the splitter
 *     uses it to find statements that are separated only by new lines
 */
public record Token(Kind kind, String text, boolean unicode, boolean newlineBefore, int offset) {

  public enum Kind {
    WORD,
    QUOTED_ID,
    STRING,
    NUMBER,
    PARAM,
    SYSVAR,
    SYMBOL
  }

  public boolean isWord(String word) {
    return kind == Kind.WORD && text.equalsIgnoreCase(word);
  }

  public boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** Words and quoted identifiers both name things. */
  public boolean isIdentifier() {
    return kind == Kind.WORD || kind == Kind.QUOTED_ID;
  }

  public String upper() {
    return text.toUpperCase(Locale.ROOT);
  }
}
