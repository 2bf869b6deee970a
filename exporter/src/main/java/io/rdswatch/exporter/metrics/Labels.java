package io.rdswatch.exporter.metrics;

import java.time.Instant;

/** Label names and value conversions shared by the rdswatch collectors. */
final class Labels {

  /** The target label. Never "instance": Prometheus sets that on every scraped series. */
  static final String RDS_INSTANCE = "rds_instance";

  static final String DATABASE = "database";
  static final String TASK_TYPE = "task_type";
  static final String LIFECYCLE = "lifecycle";

  private Labels() {}

  /** A null database (S3-integration tasks have none) becomes "", which Prometheus drops. */
  static String db(String database) {
    return database == null ? "" : database;
  }

  static double seconds(Instant instant) {
    return instant.getEpochSecond() + instant.getNano() / 1e9;
  }
}
