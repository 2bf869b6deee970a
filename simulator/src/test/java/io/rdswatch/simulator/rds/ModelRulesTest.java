package io.rdswatch.simulator.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.simulator.clock.ManualClock;
import io.rdswatch.simulator.clock.ScaledClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Small rules of the model: names, windows, ARNs, clocks. */
class ModelRulesTest {

  @Test
  void databaseNamesCompareCaseAndAccentInsensitively() {
    assertThat(Names.same("Sales", "SALES")).isTrue();
    assertThat(Names.same("Salés", "sales")).isTrue();
    assertThat(Names.same("Sales", "Sale")).isFalse();
    RdsInstance rds = TestInstances.create(new ManualClock(TestInstances.T0));
    assertThatThrownBy(
            () ->
                rds.procedures().restore(RestoreRequest.full("SALÉS", TestInstances.arn("x.bak"))))
        .isInstanceOf(SqlFailure.class)
        .hasMessage(
            "Database 'SALÉS' already exists. Two databases that differ only by case or accent are not allowed. "
                + "Choose a different database name.");
  }

  @Test
  void theBackupWindowOpensDailyAndMayWrapPastMidnight() {
    BackupWindow w = BackupWindow.parse("23:45-00:15");
    assertThat(w.length()).isEqualTo(Duration.ofMinutes(30));
    Instant day = Instant.parse("2026-11-27T00:00:00Z");
    assertThat(w.firstOpenIn(day.plusSeconds(60), day.plusSeconds(3600)))
        .isEqualTo(day.plusSeconds(60));
    assertThat(w.firstOpenIn(day.plusSeconds(3600), day.plus(Duration.ofHours(23).plusMinutes(50))))
        .isEqualTo(day.plus(Duration.ofHours(23).plusMinutes(45)));
    assertThat(w.firstOpenIn(day.plusSeconds(3600), day.plusSeconds(7200))).isNull();
    assertThatThrownBy(() -> BackupWindow.parse("03:00-03:10")).hasMessageContaining("30 minutes");
  }

  @Test
  void s3ArnsParseIncludingAccessPoints() {
    assertThat(S3Location.parse("arn:aws:s3:::bucket/dir/file.bak"))
        .isEqualTo(new S3Location("bucket", "dir/file.bak"));
    assertThat(
            S3Location.parse("arn:aws:s3:us-east-1:123456789012:accesspoint/ap1/object/dir/f.bak"))
        .isEqualTo(new S3Location("ap1", "dir/f.bak"));
    assertThat(S3Location.parse("s3://bucket/key")).isNull();
    assertThat(S3Location.parse("arn:aws:s3:::bucket")).isNull();
  }

  @Test
  void clocksNeverGoBackAndTheScaledOneRunsFaster() {
    ManualClock manual = new ManualClock(TestInstances.T0);
    assertThatThrownBy(() -> manual.set(TestInstances.T0.minusSeconds(1)))
        .hasMessageContaining("never goes back");
    long before = System.nanoTime();
    ScaledClock scaled = new ScaledClock(TestInstances.T0, 60);
    Instant a = scaled.now();
    Instant b = scaled.now();
    long realNanos = System.nanoTime() - before;
    assertThat(b).isAfterOrEqualTo(a).isAfterOrEqualTo(TestInstances.T0);
    assertThat(Duration.between(TestInstances.T0, b).toNanos()).isLessThanOrEqualTo(realNanos * 60);
    assertThatThrownBy(() -> new ScaledClock(TestInstances.T0, 0)).hasMessageContaining("positive");
  }
}
