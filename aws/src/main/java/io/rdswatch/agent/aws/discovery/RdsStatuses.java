package io.rdswatch.agent.aws.discovery;

import java.util.Set;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * Which DescribeDBInstances answers rdswatch watches (README, "AWS discovery"): the RDS for SQL
 * Server engines, and which instance statuses accept a poll.
 */
final class RdsStatuses {

  /**
   * RDS for SQL Server, Developer Edition included; RDS Custom ("custom-sqlserver-*") has no native
   * backup procedures.
   */
  static final Set<String> ENGINES =
      Set.of(
          "sqlserver-ee",
          "sqlserver-se",
          "sqlserver-ex",
          "sqlserver-web",
          "sqlserver-dev-ee",
          "sqlserver-dev-se");

  /**
   * Statuses in which the instance keeps accepting connections, so it is polled: besides available,
   * the daily automated backup (backing-up) and online changes. Every other status (stopped,
   * stopping, starting, rebooting, maintenance, storage-full, upgrading, creating...) is exported
   * as rdswatch_instance_status and not polled, so it never reads as an instance down.
   */
  static final Set<String> POLLABLE =
      Set.of(
          "available",
          "backing-up",
          "modifying",
          "storage-optimization",
          "configuring-enhanced-monitoring",
          "configuring-iam-database-auth",
          "configuring-log-exports",
          "resetting-master-credentials");

  private RdsStatuses() {}

  static boolean isSqlServer(DBInstance db) {
    return db.engine() != null && ENGINES.contains(db.engine());
  }

  static boolean isPollable(String status) {
    return status != null && POLLABLE.contains(status);
  }

  /**
   * Whether any read replica lives outside {@code region}. RDS lists a cross-region replica of a
   * source by its ARN ("arn:aws:rds:us-west-2:...:db:name"), a same-region one by its identifier.
   */
  static boolean hasCrossRegionReplicas(DBInstance db, String region) {
    if (!db.hasReadReplicaDBInstanceIdentifiers()) {
      return false;
    }
    for (String id : db.readReplicaDBInstanceIdentifiers()) {
      String[] arn = id.split(":", 6);
      if (arn.length == 6 && arn[0].equals("arn") && !arn[3].equals(region)) {
        return true;
      }
    }
    return false;
  }
}
