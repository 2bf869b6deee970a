package io.rdswatch.agent.track;

import io.rdswatch.agent.sql.CatalogDatabase;
import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.BackupKind;
import io.rdswatch.exporter.model.DatabaseCoverage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges each catalog database against the backup history (README, "Database coverage"): a database
 * is without backup when it is ONLINE, was created longer ago than the grace period, and no
 * successful native FULL backup of it is known (the last-success times, seeded from the 36-day
 * history and kept across restarts). A database in any other state cannot be backed up, so it is
 * not blamed. Names compare case-insensitively, as SQL Server's catalog does.
 */
final class Coverage {

  private Coverage() {}

  static List<DatabaseCoverage> judge(
      List<CatalogDatabase> catalog,
      Set<BackupKey> backedUp,
      CoverageSettings settings,
      Instant now) {
    Set<String> withFull =
        backedUp.stream()
            .filter(k -> k.kind() == BackupKind.FULL)
            .map(k -> k.database().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    Instant bornBefore = now.minus(settings.grace());
    List<DatabaseCoverage> out = new ArrayList<>();
    for (CatalogDatabase db : catalog) {
      if (settings.isScratch(db.name())) {
        continue;
      }
      Boolean without = null;
      if (!settings.isExcluded(db.name())) {
        boolean due =
            "ONLINE".equalsIgnoreCase(db.state())
                && db.createDate() != null
                && db.createDate().isBefore(bornBefore);
        without = due && !withFull.contains(db.name().toLowerCase(Locale.ROOT));
      }
      out.add(new DatabaseCoverage(db.name(), text(db.state()), text(db.recoveryModel()), without));
    }
    out.sort(Comparator.comparing(DatabaseCoverage::name));
    return out;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
