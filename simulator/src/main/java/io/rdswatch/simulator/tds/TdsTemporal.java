package io.rdswatch.simulator.tds;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Date/time arithmetic shared by the column encoder and the parameter decoder. */
final class TdsTemporal {
  /** DATETIME counts days from here. */
  static final LocalDate DATETIME_EPOCH = LocalDate.of(1900, 1, 1);

  /** DATE, DATETIME2 and DATETIMEOFFSET count days from here. */
  static final LocalDate DATE_EPOCH = LocalDate.of(1, 1, 1);

  private static final long NANOS_PER_DAY = 86_400_000_000_000L;
  private static final long DATETIME_TICKS_PER_DAY = 86_400L * 300;

  private TdsTemporal() {}

  /** DATETIME: days since 1900 and 1/300-second ticks since midnight, rounded like SQL Server. */
  static long[] toDatetime(LocalDateTime value) {
    long days = value.toLocalDate().toEpochDay() - DATETIME_EPOCH.toEpochDay();
    long ticks = Math.round(value.toLocalTime().toNanoOfDay() * 3 / 10_000_000.0);
    if (ticks >= DATETIME_TICKS_PER_DAY) {
      days++;
      ticks -= DATETIME_TICKS_PER_DAY;
    }
    return new long[] {days, ticks};
  }

  /** Rounded to the millisecond, as clients display DATETIME (.997, not .99666...). */
  static LocalDateTime fromDatetime(int days, long ticks) {
    long millis = Math.round(ticks * 10 / 3.0);
    return DATETIME_EPOCH.plusDays(days).atStartOfDay().plusNanos(millis * 1_000_000);
  }

  /** SMALLDATETIME: unsigned days since 1900 and minutes since midnight. */
  static LocalDateTime fromSmallDatetime(int days, int minutes) {
    return DATETIME_EPOCH.plusDays(days).atStartOfDay().plusMinutes(minutes);
  }

  static long daysSince0001(LocalDate date) {
    return date.toEpochDay() - DATE_EPOCH.toEpochDay();
  }

  static LocalDate dateFrom0001(long days) {
    return LocalDate.ofEpochDay(DATE_EPOCH.toEpochDay() + days);
  }

  /** Time of day in units of 10^-scale seconds. */
  static long timeUnits(LocalTime time, int scale) {
    return time.toNanoOfDay() / pow10(9 - scale);
  }

  static LocalTime timeFromUnits(long units, int scale) {
    return LocalTime.ofNanoOfDay(Math.floorMod(units * pow10(9 - scale), NANOS_PER_DAY));
  }

  /** Bytes a TIME of this scale takes on the wire. */
  static int timeLength(int scale) {
    return scale <= 2 ? 3 : scale <= 4 ? 4 : 5;
  }

  private static long pow10(int n) {
    long v = 1;
    for (int i = 0; i < n; i++) {
      v *= 10;
    }
    return v;
  }
}
