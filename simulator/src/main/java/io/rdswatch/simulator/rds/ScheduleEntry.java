package io.rdswatch.simulator.rds;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One recurring backup job, as an SRE team would run from SQL Agent or a Lambda: every {@code
 * every}, at {@code offset} past midnight UTC (and every period after it), back up {@code
 * databases} (empty: every database the scenario declared) to {@code bucket}, until {@code until}
 * (null: for ever).
 *
 * @param keyPattern object key with {instance}, {db}, {type} and {ts} placeholders; must contain
 *     one '*' when {@code files} > 1
 * @param s3Job for a job that runs an S3-integration task instead of backups, else null (the backup
 *     fields are then unused)
 */
public record ScheduleEntry(
    BackupKind kind,
    Duration every,
    Duration offset,
    List<String> databases,
    String bucket,
    String keyPattern,
    String kmsKeyArn,
    int files,
    boolean overwrite,
    Instant until,
    S3Job s3Job) {
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  public ScheduleEntry {
    if (every == null || every.compareTo(Duration.ofMinutes(5)) < 0) {
      throw new IllegalArgumentException("every must be at least 5m, got " + every);
    }
    offset = offset == null ? Duration.ZERO : offset;
    if (offset.isNegative()) {
      throw new IllegalArgumentException("at must not be negative, got " + offset);
    }
    if (s3Job == null) {
      requireBackup(kind, bucket, files, keyPattern);
    }
    databases = databases == null ? List.of() : List.copyOf(databases);
    if (s3Job == null && (keyPattern == null || keyPattern.isBlank())) {
      keyPattern =
          files > 1
              ? "{instance}/{db}/{db}_{type}_{ts}_*.bak"
              : "{instance}/{db}/{db}_{type}_{ts}.bak";
    }
  }

  private static void requireBackup(BackupKind kind, String bucket, int files, String keyPattern) {
    Objects.requireNonNull(kind, "type");
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("bucket must be set");
    }
    if (files < 1 || files > 10) {
      throw new IllegalArgumentException("files must be 1..10, got " + files);
    }
    if (files > 1
        && keyPattern != null
        && !keyPattern.isBlank()
        && keyPattern.chars().filter(c -> c == '*').count() != 1) {
      throw new IllegalArgumentException(
          "key with files > 1 must contain exactly one '*': " + keyPattern);
    }
  }

  /** A backup job that stops at {@code until} (null: never). */
  public ScheduleEntry(
      BackupKind kind,
      Duration every,
      Duration offset,
      List<String> databases,
      String bucket,
      String keyPattern,
      String kmsKeyArn,
      int files,
      boolean overwrite,
      Instant until) {
    this(
        kind,
        every,
        offset,
        databases,
        bucket,
        keyPattern,
        kmsKeyArn,
        files,
        overwrite,
        until,
        null);
  }

  /** A job that runs an S3-integration task. */
  public static ScheduleEntry s3(S3Job job, Duration every, Duration offset, Instant until) {
    return new ScheduleEntry(
        null,
        every,
        offset,
        List.of(),
        null,
        null,
        null,
        1,
        false,
        until,
        Objects.requireNonNull(job, "s3Job"));
  }

  /** A job that never ends. */
  public ScheduleEntry(
      BackupKind kind,
      Duration every,
      Duration offset,
      List<String> databases,
      String bucket,
      String keyPattern,
      String kmsKeyArn,
      int files,
      boolean overwrite) {
    this(kind, every, offset, databases, bucket, keyPattern, kmsKeyArn, files, overwrite, null);
  }

  /** Whether the job still runs at {@code t} (a job can be stopped, as a broken one would be). */
  public boolean runsAt(Instant t) {
    return until == null || !t.isAfter(until);
  }

  /** The first run at or after {@code t}. */
  public Instant firstAtOrAfter(Instant t) {
    long period = every.toMillis();
    long base = offset.toMillis();
    long since = t.toEpochMilli() - base;
    long k = Math.floorDiv(since + period - 1, period);
    return Instant.ofEpochMilli(base + k * period);
  }

  public String arn(String instance, String db, Instant at) {
    String key =
        keyPattern
            .replace("{instance}", instance)
            .replace("{db}", db)
            .replace("{type}", kind == BackupKind.FULL ? "FULL" : "DIFF")
            .replace("{ts}", TS.format(at));
    return "arn:aws:s3:::" + bucket + "/" + key;
  }

  public boolean covers(Database db) {
    if (databases.isEmpty()) {
      return db.isScheduled();
    }
    return databases.stream().anyMatch(n -> Names.same(n, db.name()));
  }

  @Override
  public String toString() {
    return (s3Job != null ? s3Job.type().name() : kind.name()).toLowerCase(Locale.ROOT)
        + " every "
        + every;
  }
}
