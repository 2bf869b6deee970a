package io.rdswatch.simulator.scenario;

import static io.rdswatch.simulator.scenario.InstanceFactory.field;
import static io.rdswatch.simulator.scenario.InstanceFactory.orDefault;

import io.rdswatch.simulator.rds.BackupImage;
import io.rdswatch.simulator.rds.BackupKind;
import io.rdswatch.simulator.rds.DatabaseSpec;
import io.rdswatch.simulator.rds.DbState;
import io.rdswatch.simulator.rds.RdsInstance;
import io.rdswatch.simulator.rds.RecoveryModel;
import io.rdswatch.simulator.rds.S3Job;
import io.rdswatch.simulator.rds.S3Location;
import io.rdswatch.simulator.rds.S3Object;
import io.rdswatch.simulator.rds.ScheduleEntry;
import io.rdswatch.simulator.rds.Tables;
import io.rdswatch.simulator.rds.TaskType;
import io.rdswatch.simulator.scenario.InstanceSpec.DatabaseYaml;
import io.rdswatch.simulator.scenario.InstanceSpec.ObjectSpec;
import io.rdswatch.simulator.scenario.InstanceSpec.ScheduleSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Builds an instance's databases, pre-existing S3 objects and backup schedule from its spec. */
final class ContentsFactory {
  private final RdsInstance rds;
  private final String at;
  private final Instant start;

  ContentsFactory(RdsInstance rds, String at, Instant start) {
    this.rds = rds;
    this.at = at;
    this.start = start;
  }

  void databases(List<DatabaseYaml> databases) {
    for (int i = 0; i < databases.size(); i++) {
      DatabaseYaml d = databases.get(i);
      String path = at + ".databases[" + i + "]";
      if (d.name() == null) {
        throw new ScenarioException(path + ".name: required");
      }
      RecoveryModel model = field(path + ".recovery_model", () -> recoveryModel(d.recoveryModel()));
      Tables tables = field(path + ".tables", () -> Tables.of(d.tables()));
      String tde =
          d.tdeCertificate() != null
              ? d.tdeCertificate()
              : Boolean.TRUE.equals(d.tde()) ? thumbprint(d.name()) : null;
      field(
          path,
          () ->
              rds.addDatabase(
                  new DatabaseSpec(
                      d.name(),
                      orDefault(d.sizeMb(), 1024L),
                      model,
                      DbState.ONLINE,
                      tde,
                      orDefault(d.corrupt(), false),
                      tables)));
    }
  }

  void objects(List<ObjectSpec> objects) {
    for (int i = 0; i < objects.size(); i++) {
      ObjectSpec o = objects.get(i);
      String path = at + ".objects[" + i + "]";
      S3Location loc = S3Location.parse(o.arn());
      if (loc == null) {
        throw new ScenarioException(
            path + ".arn: must look like arn:aws:s3:::bucket/key, got '" + o.arn() + "'");
      }
      if (rds.s3().bucket(loc.bucket()) == null) {
        throw new ScenarioException(
            path + ".arn: bucket '" + loc.bucket() + "' is not declared under buckets");
      }
      long size = orDefault(o.sizeMb(), 1024L);
      BackupImage image = null;
      if (!Boolean.TRUE.equals(o.notABackup())) {
        BackupKind kind = field(path + ".type", () -> BackupKind.parse(o.type()));
        Tables tables = field(path + ".tables", () -> Tables.of(o.tables()));
        image =
            new BackupImage(
                orDefault(o.sourceDb(), "unknown"),
                kind,
                size,
                RecoveryModel.FULL,
                o.tdeCertificate(),
                orDefault(o.corrupt(), false),
                tables);
      }
      rds.putObject(new S3Object(loc, image, o.kmsKey(), size, rds.settings().historyStart()));
    }
  }

  void schedule(List<ScheduleSpec> schedule) {
    for (int i = 0; i < schedule.size(); i++) {
      ScheduleSpec s = schedule.get(i);
      String path = at + ".schedule[" + i + "]";
      if (s.type() == null) {
        throw new ScenarioException(
            path + ".type: required (FULL, DIFFERENTIAL or an S3-integration task type)");
      }
      Duration every = field(path + ".every", () -> Durations.parse(s.every()));
      Duration offset = field(path + ".at", () -> offset(s.at(), every));
      Instant until = field(path + ".until", () -> until(s.until()));
      TaskType s3 = s3Type(s.type());
      if (s3 != null) {
        String arn =
            s.bucket() == null || s.key() == null
                ? null
                : "arn:aws:s3:::" + s.bucket() + "/" + s.key();
        field(
            path,
            () -> {
              rds.addSchedule(ScheduleEntry.s3(new S3Job(s3, arn, s.path()), every, offset, until));
              return null;
            });
        continue;
      }
      BackupKind kind = field(path + ".type", () -> BackupKind.parse(s.type()));
      field(
          path,
          () -> {
            rds.addSchedule(
                new ScheduleEntry(
                    kind,
                    every,
                    offset,
                    s.databases(),
                    s.bucket(),
                    s.key(),
                    s.kmsKey(),
                    orDefault(s.files(), 1),
                    orDefault(s.overwrite(), false),
                    until));
            return null;
          });
    }
  }

  private static TaskType s3Type(String type) {
    for (TaskType t : TaskType.values()) {
      if (t.isS3Integration() && t.name().equalsIgnoreCase(type.strip())) {
        return t;
      }
    }
    return null;
  }

  /**
   * "start-3h" / "start+1h": the job's last run may be at or before that moment; null: never ends.
   */
  private Instant until(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    String rest = t.startsWith("start") ? t.substring(5).strip() : "";
    if (!t.startsWith("start")
        || !(rest.isEmpty() || rest.startsWith("-") || rest.startsWith("+"))) {
      throw new IllegalArgumentException(
          "must be relative to the start like start-3h, got '" + text + "'");
    }
    Duration shift = rest.isEmpty() ? Duration.ZERO : Durations.parse(rest.substring(1).strip());
    return rest.startsWith("-") ? start.minus(shift) : start.plus(shift);
  }

  /** "01:30" (UTC time of day) or "start-20m" / "start+5m" (relative to the scenario start). */
  private Duration offset(String text, Duration every) {
    if (text == null) {
      return Duration.ZERO;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("start")) {
      String rest = t.substring(5).strip();
      Duration shift = rest.isEmpty() ? Duration.ZERO : Durations.parse(rest.substring(1).strip());
      Instant anchor = rest.startsWith("-") ? start.minus(shift) : start.plus(shift);
      return Duration.ofMillis(Math.floorMod(anchor.toEpochMilli(), every.toMillis()));
    }
    try {
      return Duration.ofSeconds(LocalTime.parse(t).toSecondOfDay());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "must be a time of day like 01:30 or start-20m, got '" + text + "'");
    }
  }

  private static RecoveryModel recoveryModel(String text) {
    if (text == null) {
      return RecoveryModel.FULL;
    }
    try {
      return RecoveryModel.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be FULL, SIMPLE or BULK_LOGGED, got '" + text + "'");
    }
  }

  /** A stable, certificate-like thumbprint for a TDE database declared without one. */
  static String thumbprint(String dbName) {
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-1").digest(dbName.getBytes(StandardCharsets.UTF_8));
      return "0x" + HexFormat.of().withUpperCase().formatHex(sha);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
