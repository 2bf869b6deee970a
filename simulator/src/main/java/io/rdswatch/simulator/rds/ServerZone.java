package io.rdswatch.simulator.rds;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An instance's server time zone, chosen at creation and fixed for its life. RDS names zones the
 * Windows way ("Tokyo Standard Time"); the tz database rules behind each name give the real
 * daylight saving changes. Every server-side clock reading and stored time the instance serves is
 * wall-clock time in this zone, except SYSUTCDATETIME and GETUTCDATE.
 */
public record ServerZone(String name, ZoneId zone) {

  public static final ServerZone UTC = new ServerZone("UTC", ZoneOffset.UTC);

  /** RDS's Windows zone names and the tz zone Windows maps each to (CLDR's "001" territory). */
  private static final Map<String, String> NAMES = names();

  public ServerZone {
    Objects.requireNonNull(name, "time zone name");
    Objects.requireNonNull(zone, "zone");
  }

  /** The zone of an RDS time zone name, matched ignoring case. */
  public static ServerZone of(String rdsName) {
    if (rdsName == null || rdsName.isBlank()) {
      return UTC;
    }
    for (Map.Entry<String, String> e : NAMES.entrySet()) {
      if (e.getKey().equalsIgnoreCase(rdsName.trim())) {
        return new ServerZone(e.getKey(), ZoneId.of(e.getValue()));
      }
    }
    throw new IllegalArgumentException(
        "'"
            + rdsName
            + "' is not an RDS for SQL Server time zone name"
            + " (Windows names such as 'Tokyo Standard Time', 'Pacific Standard Time', 'UTC')");
  }

  /** The wall-clock time the server shows for a moment, to the millisecond as DATETIME keeps it. */
  public LocalDateTime local(Instant at) {
    return at == null ? null : LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), zone);
  }

  /** SYSDATETIMEOFFSET: the local time with the offset in force at that moment. */
  public OffsetDateTime withOffset(Instant at) {
    return at.atZone(zone).toOffsetDateTime();
  }

  /** Seconds to add to UTC for the wall clock at {@code at}. */
  public int offsetSeconds(Instant at) {
    return zone.getRules().getOffset(at).getTotalSeconds();
  }

  private static Map<String, String> names() {
    String[][] pairs = {
      {"UTC", "Etc/UTC"},
      {"Dateline Standard Time", "Etc/GMT+12"},
      {"Hawaiian Standard Time", "Pacific/Honolulu"},
      {"Alaskan Standard Time", "America/Anchorage"},
      {"Pacific Standard Time", "America/Los_Angeles"},
      {"US Mountain Standard Time", "America/Phoenix"},
      {"Mountain Standard Time", "America/Denver"},
      {"Central America Standard Time", "America/Guatemala"},
      {"Central Standard Time", "America/Chicago"},
      {"Central Standard Time (Mexico)", "America/Mexico_City"},
      {"Canada Central Standard Time", "America/Regina"},
      {"SA Pacific Standard Time", "America/Bogota"},
      {"Eastern Standard Time", "America/New_York"},
      {"US Eastern Standard Time", "America/Indianapolis"},
      {"Atlantic Standard Time", "America/Halifax"},
      {"Pacific SA Standard Time", "America/Santiago"},
      {"Newfoundland Standard Time", "America/St_Johns"},
      {"E. South America Standard Time", "America/Sao_Paulo"},
      {"Argentina Standard Time", "America/Buenos_Aires"},
      {"Greenwich Standard Time", "Atlantic/Reykjavik"},
      {"GMT Standard Time", "Europe/London"},
      {"W. Europe Standard Time", "Europe/Berlin"},
      {"Central Europe Standard Time", "Europe/Budapest"},
      {"Romance Standard Time", "Europe/Paris"},
      {"Central European Standard Time", "Europe/Warsaw"},
      {"W. Central Africa Standard Time", "Africa/Lagos"},
      {"GTB Standard Time", "Europe/Bucharest"},
      {"FLE Standard Time", "Europe/Kiev"},
      {"Egypt Standard Time", "Africa/Cairo"},
      {"South Africa Standard Time", "Africa/Johannesburg"},
      {"Israel Standard Time", "Asia/Jerusalem"},
      {"Turkey Standard Time", "Europe/Istanbul"},
      {"Arab Standard Time", "Asia/Riyadh"},
      {"Russian Standard Time", "Europe/Moscow"},
      {"Iran Standard Time", "Asia/Tehran"},
      {"Arabian Standard Time", "Asia/Dubai"},
      {"Afghanistan Standard Time", "Asia/Kabul"},
      {"Pakistan Standard Time", "Asia/Karachi"},
      {"India Standard Time", "Asia/Kolkata"},
      {"Nepal Standard Time", "Asia/Kathmandu"},
      {"SE Asia Standard Time", "Asia/Bangkok"},
      {"China Standard Time", "Asia/Shanghai"},
      {"Singapore Standard Time", "Asia/Singapore"},
      {"Taipei Standard Time", "Asia/Taipei"},
      {"W. Australia Standard Time", "Australia/Perth"},
      {"Tokyo Standard Time", "Asia/Tokyo"},
      {"Korea Standard Time", "Asia/Seoul"},
      {"Cen. Australia Standard Time", "Australia/Adelaide"},
      {"AUS Central Standard Time", "Australia/Darwin"},
      {"E. Australia Standard Time", "Australia/Brisbane"},
      {"AUS Eastern Standard Time", "Australia/Sydney"},
      {"Tasmania Standard Time", "Australia/Hobart"},
      {"New Zealand Standard Time", "Pacific/Auckland"},
      {"Tonga Standard Time", "Pacific/Tongatapu"},
    };
    Map<String, String> out = new LinkedHashMap<>();
    for (String[] p : pairs) {
      out.put(p[0], p[1]);
    }
    return out;
  }

  @Override
  public String toString() {
    return name;
  }
}
