package io.rdswatch.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.simulator.rds.BackupRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3-integration tasks running on an instance fill its two task slots: rdswatch_task_slots_in_use
 * counts them, and the backup behind them shows as queued.
 */
class S3TaskSlotsE2eTest {

  private static final String SCENARIO =
      """
      instances:
        - name: etl-prod
          databases: [{name: Staging, size_mb: 1024}]
          buckets: [{name: feeds, region: us-east-1}]
          objects: [{arn: "arn:aws:s3:::feeds/day.csv", size_mb: 60000, not_a_backup: true}]
      """;

  @TempDir Path stateDir;

  @Test
  void downloadsFillTheSlotsAndTheBackupQueues() throws Exception {
    try (SimulatedPolling p =
        new SimulatedPolling(SCENARIO, "etl-prod", "admin", "admin", stateDir)) {
      p.instance.rds().transfers().download("arn:aws:s3:::feeds/day.csv", "D:\\S3\\day1.csv", true);
      p.instance.rds().transfers().download("arn:aws:s3:::feeds/day.csv", "D:\\S3\\day2.csv", true);
      p.clock.advance(
          Duration.ofMinutes(
              3)); // both picked up: the simulator starts a queued task within 2 minutes
      p.instance.backup(BackupRequest.full("Staging", "arn:aws:s3:::feeds/staging.bak"));
      p.clock.advance(Duration.ofMinutes(5));
      p.pollOnce();

      assertThat(p.page())
          .contains("rdswatch_task_slots_in_use{rds_instance=\"etl-prod\",} 2.0")
          .contains(
              "rdswatch_tasks{rds_instance=\"etl-prod\",task_type=\"DOWNLOAD_FROM_S3\",lifecycle=\"IN_PROGRESS\",} 2.0")
          .contains(
              "rdswatch_tasks{rds_instance=\"etl-prod\",task_type=\"BACKUP_DB\",lifecycle=\"CREATED\",} 1.0")
          .containsPattern(
              "rdswatch_task_queued_seconds\\{rds_instance=\"etl-prod\",database=\"Staging\",task_type=\"BACKUP_DB\",} 300\\.0");
    }
  }

  /**
   * rds_gather_file_details and rds_delete_from_filesystem, run through mssql-jdbc beside a long
   * download: the three compete for the two slots, and the listing or the delete is seen holding
   * one of them (each runs a minute, the simulator's shortest task).
   */
  @Test
  void listingAndDeletingFilesTakeSlotsToo() throws Exception {
    try (SimulatedPolling p =
        new SimulatedPolling(SCENARIO, "etl-prod", "admin", "admin", stateDir)) {
      p.pollOnce();
      try (Connection c = DriverManager.getConnection(p.instance.jdbcUrl(), "admin", "admin");
          Statement s = c.createStatement()) {
        s.execute(
            "exec msdb.dbo.rds_download_from_s3 @s3_arn_of_file='arn:aws:s3:::feeds/day.csv',"
                + " @rds_file_path='D:\\S3\\day.csv', @overwrite_file=1");
        s.execute("exec msdb.dbo.rds_gather_file_details");
        s.execute(
            "exec msdb.dbo.rds_delete_from_filesystem @rds_file_path='D:\\S3\\old\\', @force_delete=1");
      }

      boolean housekeepingHeldASlot = false;
      for (int i = 0; i < 20; i++) {
        p.clock.advance(Duration.ofSeconds(15));
        p.pollOnce();
        String page = p.page();
        double slots = slots(page);
        assertThat(slots).as("never more than two at once").isLessThanOrEqualTo(2);
        housekeepingHeldASlot |=
            slots == 2
                && (page.contains(
                        "task_type=\"LIST_FILES_ON_DISK\",lifecycle=\"IN_PROGRESS\",} 1.0")
                    || page.contains(
                        "task_type=\"DELETE_FILES_ON_DISK\",lifecycle=\"IN_PROGRESS\",} 1.0"));
      }
      assertThat(housekeepingHeldASlot)
          .as("a listing or delete counted in rdswatch_task_slots_in_use")
          .isTrue();
      assertThat(p.page())
          .containsPattern(
              "rdswatch_tasks_finished_total\\{rds_instance=\"etl-prod\",database=\"[^\"]*\","
                  + "task_type=\"LIST_FILES_ON_DISK\",lifecycle=\"SUCCESS\",} 1\\.0")
          .containsPattern(
              "rdswatch_tasks_finished_total\\{rds_instance=\"etl-prod\",database=\"[^\"]*\","
                  + "task_type=\"DELETE_FILES_ON_DISK\",lifecycle=\"SUCCESS\",} 1\\.0");
    }
  }

  private static double slots(String page) {
    Matcher m =
        Pattern.compile("(?m)^rdswatch_task_slots_in_use\\{rds_instance=\"etl-prod\",} (\\S+)$")
            .matcher(page);
    assertThat(m.find()).as("rdswatch_task_slots_in_use of etl-prod").isTrue();
    return Double.parseDouble(m.group(1));
  }
}
