package io.rdswatch.simulator.rds;

import io.rdswatch.simulator.clock.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A small instance for model tests: fixed 60 s pickup, 50 MB/s, database Sales of 10 GB (205 s).
 */
final class TestInstances {
  static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
  static final String BUCKET = "backups";

  private TestInstances() {}

  static RdsInstance create(ManualClock clock) {
    Timing timing = Timing.defaults().withPickup(Duration.ofSeconds(60), Duration.ofSeconds(60));
    InstanceSettings settings = InstanceSettings.defaults("prod", clock.now()).withTiming(timing);
    RdsInstance rds = new RdsInstance(settings, clock);
    rds.addLogin(Login.master("admin", "admin"));
    rds.addDatabase(
        DatabaseSpec.of("Sales", 10_240).withTables(Tables.of(Map.of("Orders", 1200L))));
    rds.addBucket(new S3Bucket(BUCKET, "us-east-1", false, 14));
    return rds;
  }

  static String arn(String key) {
    return "arn:aws:s3:::" + BUCKET + "/" + key;
  }
}
