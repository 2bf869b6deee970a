package io.rdswatch.simulator.sql.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a batch into statements: at every {@code ;}, and at a line break followed by a word that
 * starts a statement ({@code SET NOCOUNT ON} on one line, {@code SELECT ...} on the next). Works on
 * tokens, so quotes, brackets and comments never split. A line break does not split inside
 * parentheses, after a word such as UNION, or between {@code IF <condition>} and its statement.
 */
public final class StatementSplitter {
  private static final Set<String> STARTERS =
      Set.of(
          "SELECT",
          "SET",
          "EXEC",
          "EXECUTE",
          "USE",
          "IF",
          "DBCC",
          "DECLARE",
          "BEGIN",
          "COMMIT",
          "ROLLBACK",
          "INSERT",
          "UPDATE",
          "DELETE",
          "CREATE",
          "DROP",
          "ALTER",
          "PRINT",
          "WAITFOR",
          "RAISERROR",
          "TRUNCATE",
          "GRANT",
          "RETURN",
          "BACKUP",
          "RESTORE",
          "MERGE",
          "SAVE");
  private static final Set<String> CONTINUATIONS =
      Set.of("UNION", "ALL", "EXCEPT", "INTERSECT", "AS", "AND", "OR", "NOT", "THEN", "ELSE");

  private StatementSplitter() {}

  public static List<SqlStatement> split(String batch) {
    List<Token> tokens = Lexer.tokenize(batch);
    List<SqlStatement> statements = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int depth = 0;
    for (Token token : tokens) {
      if (token.isSymbol(";")) {
        flush(batch, current, statements);
        depth = 0;
        continue;
      }
      if (depth == 0 && !current.isEmpty() && token.newlineBefore() && startsNew(current, token)) {
        flush(batch, current, statements);
      }
      if (token.isSymbol("(")) {
        depth++;
      } else if (token.isSymbol(")")) {
        depth = Math.max(0, depth - 1);
      }
      current.add(token);
    }
    flush(batch, current, statements);
    return statements;
  }

  private static boolean startsNew(List<Token> current, Token next) {
    if (next.kind() != Token.Kind.WORD || !STARTERS.contains(next.upper())) {
      return false;
    }
    Token last = current.get(current.size() - 1);
    if (last.kind() == Token.Kind.SYMBOL && !last.isSymbol(")")) {
      return false;
    }
    if (last.kind() == Token.Kind.WORD && CONTINUATIONS.contains(last.upper())) {
      return false;
    }
    Token first = current.get(0);
    if (first.isWord("IF") && !ifHasBody(current)) {
      return false;
    }
    if (first.isWord("UPDATE") && next.isWord("SET")) {
      return false;
    }
    return !(first.isWord("INSERT") && (next.isWord("SELECT") || next.isWord("EXEC")));
  }

  /** An IF statement already holds its body once a statement word appears outside parentheses. */
  private static boolean ifHasBody(List<Token> current) {
    int depth = 0;
    for (int i = 1; i < current.size(); i++) {
      Token t = current.get(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (depth == 0 && t.kind() == Token.Kind.WORD && STARTERS.contains(t.upper())) {
        return true;
      }
    }
    return false;
  }

  private static void flush(String batch, List<Token> current, List<SqlStatement> out) {
    if (current.isEmpty()) {
      return;
    }
    int from = current.get(0).offset();
    Token last = current.get(current.size() - 1);
    int to = endOf(batch, last);
    out.add(new SqlStatement(batch.substring(from, to).strip(), current));
    current.clear();
  }

  /** The end offset of a token in the source: past its closing quote when it is quoted. */
  private static int endOf(String batch, Token t) {
    int at = t.offset();
    return switch (t.kind()) {
      case STRING, QUOTED_ID -> {
        int i = at + (t.unicode() ? 1 : 0);
        char close = batch.charAt(i) == '[' ? ']' : batch.charAt(i);
        i++;
        while (i < batch.length()) {
          if (batch.charAt(i) == close) {
            if (i + 1 < batch.length() && batch.charAt(i + 1) == close) {
              i += 2;
              continue;
            }
            yield i + 1;
          }
          i++;
        }
        yield batch.length();
      }
      default -> Math.min(batch.length(), at + t.text().length());
    };
  }
}
