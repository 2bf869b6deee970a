package io.rdswatch.agent.track;

import io.rdswatch.agent.sql.CatalogDatabase;
import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.DatabaseCoverage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link Coverage#judge} again only when what it reads changed: another catalog, other backups, or
 * a database coming out of its grace period. Judging at every poll was a sixteenth of a steady
 * poll's CPU (bench figure 1). Not thread-safe: the tracker calls it under its lock.
 */
final class CoverageJudgement {

  private List<CatalogDatabase> catalog;
  private Map<BackupKey, Instant> backups;
  private Instant judgedAt;
  private Instant validUntil;
  private List<DatabaseCoverage> judged = List.of();

  /** {@code catalog} and {@code backups} are immutable: a change comes as another object. */
  List<DatabaseCoverage> of(
      List<CatalogDatabase> catalog,
      Map<BackupKey, Instant> backups,
      CoverageSettings settings,
      Instant now) {
    if (catalog != this.catalog
        || backups != this.backups
        || now.isBefore(judgedAt)
        || now.isAfter(validUntil)) {
      judged = Coverage.judge(catalog, backups.keySet(), settings, now);
      this.catalog = catalog;
      this.backups = backups;
      judgedAt = now;
      validUntil = nextComingOfAge(catalog, settings, now);
    }
    return judged;
  }

  /** The first moment after which a database now in its grace period is judged as due. */
  private static Instant nextComingOfAge(
      List<CatalogDatabase> catalog, CoverageSettings settings, Instant now) {
    Instant next = Instant.MAX;
    for (CatalogDatabase db : catalog) {
      if (db.createDate() != null) {
        Instant due = db.createDate().plus(settings.grace());
        if (!due.isBefore(now) && due.isBefore(next)) {
          next = due;
        }
      }
    }
    return next;
  }
}
