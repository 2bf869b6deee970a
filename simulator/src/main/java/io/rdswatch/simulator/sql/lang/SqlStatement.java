package io.rdswatch.simulator.sql.lang;

import java.util.List;

/** One statement of a batch: its tokens, and its text for messages. */
public record SqlStatement(String text, List<Token> tokens) {

  public SqlStatement {
    tokens = List.copyOf(tokens);
  }

  public static SqlStatement parse(String text) {
    return new SqlStatement(text.strip(), Lexer.tokenize(text));
  }

  public TokenCursor cursor() {
    return new TokenCursor(tokens);
  }

  /** True when the statement starts with these words, case-insensitively. */
  public boolean startsWith(String... words) {
    if (tokens.size() < words.length) {
      return false;
    }
    for (int i = 0; i < words.length; i++) {
      if (!tokens.get(i).isWord(words[i])) {
        return false;
      }
    }
    return true;
  }
}
