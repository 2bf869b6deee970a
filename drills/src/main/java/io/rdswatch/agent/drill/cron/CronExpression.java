package io.rdswatch.agent.drill.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * A classic 5-field cron expression (minute hour day-of-month month day-of-week), always in UTC,
 * with Vixie-cron semantics: when both day fields are restricted, a day matches if either does.
 * Also accepts the macros @hourly, @daily, @weekly, @monthly and @yearly. Immutable and
 * thread-safe.
 */
public final class CronExpression {

  private static final Map<String, String> MACROS =
      Map.of(
          "@hourly", "0 * * * *",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@weekly", "0 0 * * 0",
          "@monthly", "0 0 1 * *",
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *");

  /** Long enough to find Feb 29 from any start; anything rarer is treated as "never". */
  private static final long SEARCH_YEARS = 9;

  private final String text;
  private final CronField minute;
  private final CronField hour;
  private final CronField dayOfMonth;
  private final CronField month;
  private final CronField dayOfWeek;

  private CronExpression(String text, CronField[] f) {
    this.text = text;
    this.minute = f[0];
    this.hour = f[1];
    this.dayOfMonth = f[2];
    this.month = f[3];
    this.dayOfWeek = f[4];
  }

  /**
   * Parses and checks that the expression fires at all.
   *
   * @throws IllegalArgumentException with a message naming the bad field and why
   */
  public static CronExpression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "is empty; expected 5 fields: minute hour day-of-month month day-of-week");
    }
    String trimmed = text.trim();
    String expanded = MACROS.getOrDefault(trimmed.toLowerCase(java.util.Locale.ROOT), trimmed);
    if (expanded.startsWith("@")) {
      throw new IllegalArgumentException("unknown macro '" + trimmed + "'");
    }
    String[] parts = expanded.split("\\s+");
    if (parts.length != 5) {
      throw new IllegalArgumentException(
          "has "
              + parts.length
              + " fields; expected 5: minute hour day-of-month month day-of-week");
    }
    CronField[] f = {
      CronField.parse("minute", parts[0], 0, 59, null, 0),
      CronField.parse("hour", parts[1], 0, 23, null, 0),
      CronField.parse("day-of-month", star(parts[2]), 1, 31, null, 0),
      CronField.parse("month", parts[3], 1, 12, CronField.MONTHS, 1),
      sundayIsZero(CronField.parse("day-of-week", star(parts[4]), 0, 7, CronField.DAYS, 0))
    };
    CronExpression cron = new CronExpression(trimmed, f);
    if (cron.next(Instant.parse("2000-01-01T00:00:00Z")).isEmpty()) {
      throw new IllegalArgumentException("never fires (no matching day)");
    }
    return cron;
  }

  private static String star(String field) {
    return field.equals("?") ? "*" : field;
  }

  private static CronField sundayIsZero(CronField dow) {
    if (dow.allows(7)) {
      dow.allowed().set(0);
      dow.allowed().clear(7);
    }
    return dow;
  }

  /** The first firing time strictly after {@code after}, or empty if it never fires again. */
  public Optional<Instant> next(Instant after) {
    LocalDateTime t =
        LocalDateTime.ofInstant(after, ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MINUTES)
            .plusMinutes(1);
    LocalDateTime limit = t.plusYears(SEARCH_YEARS);
    while (t.isBefore(limit)) {
      if (!month.allows(t.getMonthValue())) {
        t = t.withDayOfMonth(1).toLocalDate().atStartOfDay().plusMonths(1);
      } else if (!dayMatches(t)) {
        t = t.toLocalDate().atStartOfDay().plusDays(1);
      } else if (!hour.allows(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minute.allows(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        return Optional.of(t.toInstant(ZoneOffset.UTC));
      }
    }
    return Optional.empty();
  }

  /** True if a firing time lies in (from, to]. */
  public boolean firesBetween(Instant from, Instant to) {
    return next(from).map(n -> !n.isAfter(to)).orElse(false);
  }

  private boolean dayMatches(LocalDateTime t) {
    boolean dom = dayOfMonth.allows(t.getDayOfMonth());
    boolean dow = dayOfWeek.allows(t.getDayOfWeek().getValue() % 7);
    if (dayOfMonth.star() || dayOfWeek.star()) {
      return dom && dow;
    }
    return dom || dow;
  }

  @Override
  public String toString() {
    return text;
  }
}
