package io.rdswatch.agent.drill.cron;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One field of a 5-field cron expression, parsed into the set of values it allows. Supports {@code
 * *}, {@code a}, {@code a-b}, steps ({@code * / n}, {@code a-b/n}, {@code a/n}), lists and
 * three-letter names (JAN..DEC, SUN..SAT).
 */
record CronField(String name, int min, int max, BitSet allowed, boolean star) {

  static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  boolean allows(int value) {
    return allowed.get(value);
  }

  /**
   * Parses {@code text}; {@code names} maps names to values starting at {@code namesBase}.
   *
   * @throws IllegalArgumentException naming the field and the offending part
   */
  static CronField parse(
      String name, String text, int min, int max, List<String> names, int namesBase) {
    BitSet allowed = new BitSet(max + 1);
    for (String part : text.split(",", -1)) {
      if (part.isEmpty()) {
        throw bad(name, text, "empty list element");
      }
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = number(name, part.substring(slash + 1), 1, max, null, 0, text);
      }
      int lo;
      int hi;
      if (range.equals("*")) {
        lo = min;
        hi = max;
      } else {
        int dash = range.indexOf('-');
        if (dash >= 0) {
          lo = number(name, range.substring(0, dash), min, max, names, namesBase, text);
          hi = number(name, range.substring(dash + 1), min, max, names, namesBase, text);
          if (hi < lo) {
            throw bad(name, text, "range " + range + " runs backwards");
          }
        } else {
          lo = number(name, range, min, max, names, namesBase, text);
          hi = slash >= 0 ? max : lo;
        }
      }
      for (int v = lo; v <= hi; v += step) {
        allowed.set(v);
      }
    }
    return new CronField(name, min, max, allowed, text.startsWith("*"));
  }

  private static int number(
      String field, String s, int min, int max, List<String> names, int base, String text) {
    if (names != null) {
      int idx = names.indexOf(s.toUpperCase(Locale.ROOT));
      if (idx >= 0) {
        return idx + base;
      }
    }
    int v;
    try {
      v = Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw bad(field, text, "'" + s + "' is not a number" + (names == null ? "" : " or name"));
    }
    if (v < min || v > max) {
      throw bad(field, text, v + " is outside " + min + "-" + max);
    }
    return v;
  }

  private static IllegalArgumentException bad(String field, String text, String why) {
    return new IllegalArgumentException(field + " field '" + text + "': " + why);
  }
}
