package io.rdswatch.simulator.scenario;

import io.rdswatch.simulator.clock.SimClock;
import io.rdswatch.simulator.rds.BackupWindow;
import io.rdswatch.simulator.rds.Faults;
import io.rdswatch.simulator.rds.InstanceSettings;
import io.rdswatch.simulator.rds.KmsKey;
import io.rdswatch.simulator.rds.Login;
import io.rdswatch.simulator.rds.RdsInstance;
import io.rdswatch.simulator.rds.S3Bucket;
import io.rdswatch.simulator.rds.ServerZone;
import io.rdswatch.simulator.rds.TaskFailure;
import io.rdswatch.simulator.rds.TaskInfoWording;
import io.rdswatch.simulator.rds.Timing;
import io.rdswatch.simulator.scenario.InstanceSpec.BucketSpec;
import io.rdswatch.simulator.scenario.InstanceSpec.KeySpec;
import io.rdswatch.simulator.scenario.InstanceSpec.LoginSpec;
import io.rdswatch.simulator.scenario.InstanceSpec.TaskInfoSpec;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns one {@link InstanceSpec} into a simulated instance and its faults, applying defaults and
 * naming the offending field ("instances[2].buckets[0].region: ...") when a value is wrong.
 */
public final class InstanceFactory {
  private static final long GIB = 1L << 30;

  /** A built instance and the faults it starts with. */
  public record Built(RdsInstance rds, Faults faults) {}

  /**
   * What every instance of a fleet shares.
   *
   * @param start the simulated "now" at startup (schedules "at: start-20m" count from it)
   * @param historyStart where the instances' simulation begins (start minus the scenario's history)
   * @param master the master login, or null when only validating
   */
  public record Context(
      long seed, SimClock clock, Instant start, Instant historyStart, Login master) {}

  private InstanceFactory() {}

  public static Built build(InstanceSpec spec, int index, Context ctx) {
    String at = "instances[" + index + "]";
    if (spec.name() == null || spec.name().isBlank()) {
      throw new ScenarioException(at + ".name: required");
    }
    return new Builder(spec, at, ctx.seed() * 1_000_003L + index, ctx).build();
  }

  static <T> T field(String path, Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(path + ": " + e.getMessage(), e);
    }
  }

  static <T> T orDefault(T value, T otherwise) {
    return value == null ? otherwise : value;
  }

  private static final class Builder {
    private final InstanceSpec spec;
    private final String at;
    private final long seed;
    private final Context ctx;

    Builder(InstanceSpec spec, String at, long seed, Context ctx) {
      this.spec = spec;
      this.at = at;
      this.seed = seed;
      this.ctx = ctx;
    }

    Built build() {
      InstanceSettings settings = field(at, () -> settings(ctx.historyStart()));
      RdsInstance rds = new RdsInstance(settings, ctx.clock());
      if (ctx.master() != null) {
        rds.addLogin(ctx.master());
      }
      logins(rds);
      spec.tdeCertificates().forEach(rds::addTdeCertificate);
      ContentsFactory contents = new ContentsFactory(rds, at, ctx.start());
      contents.databases(spec.databases());
      rds.freeBytes(settings.freeBytes()); // free_gb is what is left after the declared databases
      buckets(rds, settings.region());
      keys(rds);
      contents.objects(spec.objects());
      contents.schedule(spec.schedule());
      failureRates(rds);
      wording(rds);
      Faults faults = FaultsFactory.build(spec.faults(), at + ".faults");
      if (spec.faults() != null && Boolean.TRUE.equals(spec.faults().failedOver())) {
        rds.failover();
      }
      return new Built(rds, faults);
    }

    private InstanceSettings settings(Instant historyStart) {
      String region = orDefault(spec.region(), "us-east-1");
      long storage =
          field(
              at + ".storage_gb", () -> positive(orDefault(spec.storageGb(), 200L), "storage_gb"));
      long free = orDefault(spec.freeGb(), storage * 3 / 4);
      if (free < 0 || free > storage) {
        throw new ScenarioException(
            at + ".free_gb: must be between 0 and storage_gb (" + storage + "), got " + free);
      }
      BackupWindow window =
          spec.backupWindow() == null
              ? null
              : field(at + ".backup_window", () -> BackupWindow.parse(spec.backupWindow()));
      double throughput = orDefault(spec.throughputMbPerS(), 50.0);
      Timing timing =
          field(at + ".throughput_mb_per_s", () -> Timing.defaults().withThroughput(throughput));
      ServerZone zone = field(at + ".timezone", () -> ServerZone.of(spec.timezone()));
      return field(
          at,
          () ->
              new InstanceSettings(
                  spec.name(),
                  region,
                  orDefault(spec.accountId(), "123456789012"),
                  orDefault(spec.backupRestoreOption(), true),
                  window,
                  timing,
                  storage * GIB,
                  free * GIB,
                  seed,
                  historyStart,
                  zone));
    }

    private void logins(RdsInstance rds) {
      List<LoginSpec> logins = spec.logins();
      for (int i = 0; i < logins.size(); i++) {
        LoginSpec l = logins.get(i);
        String path = at + ".logins[" + i + "]";
        if (l.name() == null || l.password() == null) {
          throw new ScenarioException(path + ": name and password are required");
        }
        rds.addLogin(
            new Login(
                l.name(),
                l.password(),
                false,
                new HashSet<>(orDefault(l.execute(), List.of())),
                new HashSet<>(orDefault(l.select(), List.of()))));
      }
    }

    private void buckets(RdsInstance rds, String region) {
      List<BucketSpec> buckets = spec.buckets();
      for (int i = 0; i < buckets.size(); i++) {
        BucketSpec b = buckets.get(i);
        String path = at + ".buckets[" + i + "]";
        field(
            path,
            () -> {
              rds.addBucket(
                  new S3Bucket(
                      b.name(),
                      orDefault(b.region(), region),
                      orDefault(b.accessDenied(), false),
                      orDefault(b.expireDays(), 14)));
              return null;
            });
      }
    }

    private void keys(RdsInstance rds) {
      List<KeySpec> keys = spec.kmsKeys();
      for (int i = 0; i < keys.size(); i++) {
        KeySpec k = keys.get(i);
        field(
            at + ".kms_keys[" + i + "].arn",
            () -> {
              rds.addKmsKey(new KmsKey(k.arn(), orDefault(k.authorized(), true)));
              return null;
            });
      }
    }

    private void wording(RdsInstance rds) {
      TaskInfoSpec t = spec.taskInfo();
      if (t == null) {
        return;
      }
      boolean legacy =
          choice(at + ".task_info.window_abort", t.windowAbort(), "explicit", "legacy");
      boolean inTask =
          choice(
              at + ".task_info.existing_name_restore",
              t.existingNameRestore(),
              "submit_error",
              "task_error");
      rds.wording(new TaskInfoWording(legacy, inTask));
    }

    /** False for the default (or absent) value, true for the other one. */
    private static boolean choice(String path, String value, String byDefault, String other) {
      if (value == null || value.equals(byDefault)) {
        return false;
      }
      if (value.equals(other)) {
        return true;
      }
      throw new ScenarioException(
          path + ": must be " + byDefault + " or " + other + ", got '" + value + "'");
    }

    private void failureRates(RdsInstance rds) {
      for (Map.Entry<String, Double> e : spec.failureRates().entrySet()) {
        String path = at + ".failure_rates." + e.getKey();
        field(
            path,
            () -> {
              rds.failureRate(
                  TaskFailure.fromConfigName(e.getKey()), e.getValue() == null ? 0 : e.getValue());
              return null;
            });
      }
    }

    private static long positive(long v, String name) {
      if (v <= 0) {
        throw new IllegalArgumentException(name + " must be > 0, got " + v);
      }
      return v;
    }
  }
}
