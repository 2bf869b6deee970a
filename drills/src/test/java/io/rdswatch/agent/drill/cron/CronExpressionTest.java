package io.rdswatch.agent.drill.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

  @ParameterizedTest(name = "{0} after {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // 2026-11-27 is a Friday
        "0 4 * * SUN      | 2026-11-27T10:00:00Z | 2026-11-29T04:00:00Z",
        "0 4 * * 7        | 2026-11-27T10:00:00Z | 2026-11-29T04:00:00Z",
        "0 4 * * 0        | 2026-11-29T04:00:00Z | 2026-12-06T04:00:00Z",
        "*/15 * * * *     | 2026-11-27T10:07:30Z | 2026-11-27T10:15:00Z",
        "5-10/2 * * * *   | 2026-11-27T10:07:00Z | 2026-11-27T10:09:00Z",
        "0 0 1 JAN *      | 2026-11-27T10:00:00Z | 2027-01-01T00:00:00Z",
        "30 2 29 2 *      | 2026-01-01T00:00:00Z | 2028-02-29T02:30:00Z",
        "0 12 13 * FRI    | 2026-11-27T13:00:00Z | 2026-12-04T12:00:00Z",
        "0 12 1,15 * ?    | 2026-11-27T13:00:00Z | 2026-12-01T12:00:00Z",
        "@daily           | 2026-11-27T00:00:00Z | 2026-11-28T00:00:00Z",
        "@hourly          | 2026-11-27T23:59:59Z | 2026-11-28T00:00:00Z",
        "59 23 31 12 *    | 2026-12-31T23:59:00Z | 2027-12-31T23:59:00Z",
        "0 9-17 * * MON-FRI | 2026-11-27T17:30:00Z | 2026-11-30T09:00:00Z",
        "0 0 */10 * *     | 2026-11-27T00:00:00Z | 2026-12-01T00:00:00Z",
      })
  void nextFiring(String cron, String after, String expected) {
    assertThat(CronExpression.parse(cron).next(Instant.parse(after)))
        .contains(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 4 * *          | has 4 fields; expected 5",
        "60 4 * * *       | minute field '60': 60 is outside 0-59",
        "0 24 * * *       | hour field '24': 24 is outside 0-23",
        "0 4 0 * *        | day-of-month field '0': 0 is outside 1-31",
        "0 4 * 13 *       | month field '13': 13 is outside 1-12",
        "0 4 * * FUNDAY   | day-of-week field 'FUNDAY': 'FUNDAY' is not a number or name",
        "0 4 * * 8        | day-of-week field '8': 8 is outside 0-7",
        "0 10-4 * * *     | hour field '10-4': range 10-4 runs backwards",
        "0 4 30 2 *       | never fires",
        "*/0 * * * *      | minute field '*/0': 0 is outside 1-59",
        "1,,2 * * * *     | minute field '1,,2': empty list element",
        "@fortnightly     | unknown macro '@fortnightly'",
        "x * * * *        | minute field 'x': 'x' is not a number",
      })
  void rejects(String cron, String message) {
    assertThatThrownBy(() -> CronExpression.parse(cron)).hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void firesBetweenIsHalfOpen() {
    CronExpression c = CronExpression.parse("0 4 * * *");
    assertThat(
            c.firesBetween(
                Instant.parse("2026-11-27T03:59:00Z"), Instant.parse("2026-11-27T04:00:00Z")))
        .isTrue();
    assertThat(
            c.firesBetween(
                Instant.parse("2026-11-27T04:00:00Z"), Instant.parse("2026-11-27T04:30:00Z")))
        .isFalse();
    assertThatThrownBy(() -> CronExpression.parse("  ")).hasMessageContaining("is empty");
  }
}
