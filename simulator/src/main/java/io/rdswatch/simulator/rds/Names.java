package io.rdswatch.simulator.rds;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Database names on RDS compare case- and accent-insensitively: "Sales", "SALES" and "Salés" are
 * one name.
 */
public final class Names {

  private Names() {}

  public static String key(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }

  public static boolean same(String a, String b) {
    return a != null && b != null && key(a).equals(key(b));
  }
}
