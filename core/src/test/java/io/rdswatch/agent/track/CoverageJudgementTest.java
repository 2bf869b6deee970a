package io.rdswatch.agent.track;

import static io.rdswatch.agent.track.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.sql.CatalogDatabase;
import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.BackupKind;
import io.rdswatch.exporter.model.DatabaseCoverage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CoverageJudgementTest {

  private static final CoverageSettings SETTINGS =
      new CoverageSettings(
          Duration.ofHours(26), List.<Pattern>of(), "rdswatch_drill_", Duration.ofMinutes(5));

  private static Boolean without(List<DatabaseCoverage> judged, String name) {
    return judged.stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow()
        .withoutFullBackup();
  }

  @Test
  void aCachedJudgementIsTheSameAsJudgingAgainAtEveryMoment() {
    CoverageJudgement judgement = new CoverageJudgement();
    List<CatalogDatabase> catalog =
        List.of(
            new CatalogDatabase("Orders", "ONLINE", "FULL", T0.minus(Duration.ofDays(3))),
            new CatalogDatabase("Fresh", "ONLINE", "FULL", T0.minus(Duration.ofHours(25))));
    Map<BackupKey, Instant> backups = Map.of(new BackupKey("Orders", BackupKind.FULL), T0);
    for (int minutes = 0; minutes <= 180; minutes += 7) {
      Instant now = T0.plus(Duration.ofMinutes(minutes));
      assertThat(judgement.of(catalog, backups, SETTINGS, now))
          .as("at +%d min", minutes)
          .isEqualTo(Coverage.judge(catalog, backups.keySet(), SETTINGS, now));
    }
    assertThat(without(judgement.of(catalog, backups, SETTINGS, T0), "Fresh"))
        .as("back in time")
        .isFalse();
    assertThat(
            without(
                judgement.of(catalog, backups, SETTINGS, T0.plus(Duration.ofHours(2))), "Fresh"))
        .isTrue();
    Map<BackupKey, Instant> fresh =
        Map.of(
            new BackupKey("Orders", BackupKind.FULL),
            T0,
            new BackupKey("Fresh", BackupKind.FULL),
            T0.plus(Duration.ofHours(2)));
    assertThat(
            without(judgement.of(catalog, fresh, SETTINGS, T0.plus(Duration.ofHours(2))), "Fresh"))
        .as("new backups are judged at once")
        .isFalse();
  }
}
