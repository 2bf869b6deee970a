package io.rdswatch.agent.drill.check;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SQL check's first value must satisfy, written in YAML as {@code ">= 1000"}, {@code "= 0"},
 * {@code "!= 0"} or {@code "= 'ONLINE'"}. Numbers compare numerically, quoted text exactly.
 */
public record Expectation(String operator, BigDecimal number, String text) {

  private static final Pattern SHAPE =
      Pattern.compile(
          "^\\s*(>=|<=|==|!=|<>|=|>|<)\\s*(?:'((?:[^']|'')*)'|([-+]?[0-9]+(?:\\.[0-9]+)?))\\s*$");

  /**
   * Parses {@code ">= 1000"}.
   *
   * @throws IllegalArgumentException naming the expected shape
   */
  public static Expectation parse(String raw) {
    Matcher m = SHAPE.matcher(raw == null ? "" : raw);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + raw
              + "' is not an expectation; use an operator (>=, <=, >, <, =, !=) and a number"
              + " or 'quoted text', e.g. \">= 1000\"");
    }
    String op =
        switch (m.group(1)) {
          case "==" -> "=";
          case "<>" -> "!=";
          default -> m.group(1);
        };
    if (m.group(2) != null) {
      if (!op.equals("=") && !op.equals("!=")) {
        throw new IllegalArgumentException("'" + raw + "': text can only be compared with = or !=");
      }
      return new Expectation(op, null, m.group(2).replace("''", "'"));
    }
    return new Expectation(op, new BigDecimal(m.group(3)), null);
  }

  /** Whether {@code value} (the first column of the first row, possibly null) satisfies this. */
  public boolean test(Object value) {
    if (value == null) {
      return false;
    }
    if (text != null) {
      boolean equal = text.equals(value.toString());
      return operator.equals("=") ? equal : !equal;
    }
    BigDecimal actual;
    try {
      actual = new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      return false;
    }
    int c = actual.compareTo(number);
    return switch (operator) {
      case ">=" -> c >= 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case "<" -> c < 0;
      case "=" -> c == 0;
      default -> c != 0;
    };
  }

  @Override
  public String toString() {
    return operator
        + " "
        + (text != null ? "'" + text.replace("'", "''") + "'" : number.toPlainString());
  }
}
