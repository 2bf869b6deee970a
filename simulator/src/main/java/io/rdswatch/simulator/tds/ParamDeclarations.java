package io.rdswatch.simulator.tds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parameter list of sp_executesql/sp_prepexec/sp_prepare, e.g. {@code @P0 nvarchar(4000),@P1
 * int OUTPUT}: it gives names to the positional values that follow. Only names and the OUTPUT
 * marker matter here; the types are the client's business.
 */
final class ParamDeclarations {
  record Declared(String name, boolean output) {}

  private ParamDeclarations() {}

  static List<Declared> parse(String declarations) throws TdsProtocolException {
    List<Declared> out = new ArrayList<>();
    if (declarations == null || declarations.isBlank()) {
      return out;
    }
    for (String part : splitTopLevel(declarations)) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      String[] words = p.split("\\s+");
      if (!words[0].startsWith("@") || words.length < 2) {
        throw new TdsProtocolException(
            "parameter declaration '"
                + p
                + "' must read '@name type'; the list was: "
                + declarations);
      }
      String last = words[words.length - 1].toUpperCase(Locale.ROOT);
      out.add(new Declared(words[0], last.equals("OUTPUT") || last.equals("OUT")));
    }
    return out;
  }

  /** Splits on commas outside parentheses: {@code decimal(38,2)} stays whole. */
  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }
}
