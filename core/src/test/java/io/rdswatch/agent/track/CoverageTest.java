package io.rdswatch.agent.track;

import static io.rdswatch.agent.track.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.sql.CatalogDatabase;
import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.BackupKind;
import io.rdswatch.exporter.model.DatabaseCoverage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CoverageTest {

  private static final CoverageSettings SETTINGS =
      new CoverageSettings(
          Duration.ofHours(26),
          List.of(Pattern.compile("staging_.*", Pattern.CASE_INSENSITIVE)),
          "rdswatch_drill_",
          Duration.ofMinutes(5));

  private static CatalogDatabase db(String name, String state, Duration age) {
    return new CatalogDatabase(name, state, "FULL", T0.minus(age));
  }

  @Test
  void judgesOnlineDatabasesOlderThanTheGraceWithoutAFullBackup() {
    Duration old = Duration.ofDays(3);
    List<DatabaseCoverage> judged =
        Coverage.judge(
            List.of(
                db("Orders", "ONLINE", old),
                db("Archive", "ONLINE", old),
                db("OnlyDiffs", "ONLINE", old),
                db("Fresh", "ONLINE", Duration.ofHours(25)),
                db("AtGrace", "ONLINE", Duration.ofHours(26)),
                db("Restoring", "RESTORING", old),
                db("Staging_Loads", "ONLINE", old),
                db("RDSWATCH_DRILL_Orders_20260301000000_ab12", "ONLINE", old)),
            Set.of(
                new BackupKey("orders", BackupKind.FULL),
                new BackupKey("OnlyDiffs", BackupKind.DIFFERENTIAL)),
            SETTINGS,
            T0);

    assertThat(judged)
        .extracting(DatabaseCoverage::name, DatabaseCoverage::withoutFullBackup)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Archive", true),
            org.assertj.core.groups.Tuple.tuple("AtGrace", false),
            org.assertj.core.groups.Tuple.tuple("Fresh", false),
            org.assertj.core.groups.Tuple.tuple("OnlyDiffs", true),
            org.assertj.core.groups.Tuple.tuple("Orders", false),
            org.assertj.core.groups.Tuple.tuple("Restoring", false),
            org.assertj.core.groups.Tuple.tuple("Staging_Loads", null));
  }
}
