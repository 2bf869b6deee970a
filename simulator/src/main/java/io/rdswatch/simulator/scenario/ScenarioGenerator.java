package io.rdswatch.simulator.scenario;

import io.rdswatch.simulator.scenario.InstanceSpec.BucketSpec;
import io.rdswatch.simulator.scenario.InstanceSpec.DatabaseYaml;
import io.rdswatch.simulator.scenario.InstanceSpec.ScheduleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Large synthetic fleets for benchmarks: {@code n} instances named sim-0001..., {@code d} databases
 * each (db01..., 0.5 to 20 GB), FULL daily and DIFFERENTIAL hourly to one bucket, a 30-minute
 * backup window, 1% S3 403s and 1% I/O errors, and enough history for about {@code h} tasks per
 * instance (d databases take about 25 backups a day). Deterministic for a seed.
 */
public final class ScenarioGenerator {
  private static final int BACKUPS_PER_DB_PER_DAY = 25;

  private ScenarioGenerator() {}

  public static Scenario generate(int instances, int databases, int historyTasks, long seed) {
    if (instances < 1 || databases < 1 || historyTasks < 0) {
      throw new IllegalArgumentException(
          "need instances >= 1, databases >= 1 and history tasks >= 0");
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<InstanceSpec> specs = new ArrayList<>(instances);
    for (int i = 1; i <= instances; i++) {
      specs.add(instance(String.format("sim-%04d", i), databases, random));
    }
    long historyMinutes = (long) historyTasks * 1440 / ((long) databases * BACKUPS_PER_DB_PER_DAY);
    return new Scenario(seed, historyMinutes + "m", specs);
  }

  private static InstanceSpec instance(String name, int databases, SplittableRandom random) {
    List<DatabaseYaml> dbs = new ArrayList<>(databases);
    for (int d = 1; d <= databases; d++) {
      long size = 512 + random.nextLong(20 * 1024 - 512);
      dbs.add(
          new DatabaseYaml(
              String.format("db%02d", d),
              size,
              null,
              null,
              null,
              null,
              Map.of("Orders", size * 400)));
    }
    String bucket = name + "-backups";
    int fullHour = random.nextInt(24);
    int windowHour = (fullHour + 12) % 24;
    List<ScheduleSpec> schedule =
        List.of(
            new ScheduleSpec(
                "FULL",
                "24h",
                String.format("%02d:%02d", fullHour, random.nextInt(60)),
                null,
                bucket,
                null,
                null,
                null,
                null),
            new ScheduleSpec(
                "DIFFERENTIAL",
                "1h",
                String.format("00:%02d", random.nextInt(60)),
                null,
                bucket,
                null,
                null,
                null,
                null));
    return new InstanceSpec(
        name,
        "us-east-1",
        null,
        null,
        String.format("%02d:00-%02d:30", windowHour, windowHour),
        null,
        4096L,
        2048L,
        null,
        null,
        dbs,
        List.of(new BucketSpec(bucket, null, null, 3)),
        null,
        null,
        schedule,
        Map.of("s3_access_denied", 0.01, "engine_error", 0.01),
        null,
        null,
        null,
        null);
  }
}
