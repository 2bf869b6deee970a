package io.rdswatch.agent.instance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * RDS for SQL Server names time zones the Windows way ("Tokyo Standard Time"); this maps each name
 * to the tz database zone with the same rules, so the offset a name stands for at a moment is
 * known, daylight saving included. The table is {@code rds-time-zones.txt} next to this class.
 */
public final class RdsTimeZones {

  private static final String RESOURCE = "rds-time-zones.txt";
  private static final Map<String, ZoneId> ZONES = load();

  private RdsTimeZones() {}

  /** The zone of an RDS time zone name, ignoring case; empty for a name not in the table. */
  public static Optional<ZoneId> zone(String rdsName) {
    return rdsName == null
        ? Optional.empty()
        : Optional.ofNullable(ZONES.get(rdsName.strip().toLowerCase(Locale.ROOT)));
  }

  private static Map<String, ZoneId> load() {
    Map<String, ZoneId> out = new TreeMap<>();
    try (InputStream in = RdsTimeZones.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        int eq = line.lastIndexOf('=');
        if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
          out.put(
              line.substring(0, eq).strip().toLowerCase(Locale.ROOT),
              ZoneId.of(line.substring(eq + 1).strip()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
