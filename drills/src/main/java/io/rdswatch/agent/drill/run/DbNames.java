package io.rdswatch.agent.drill.run;

import java.text.Normalizer;
import java.util.Locale;

/**
 * SQL Server on RDS compares database names ignoring case and accents ("Sales", "SALES" and "Salés"
 * are one name), so every "does this name exist" check goes through here.
 */
public final class DbNames {

  private DbNames() {}

  public static String key(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }

  public static boolean same(String a, String b) {
    return a != null && b != null && key(a).equals(key(b));
  }
}
