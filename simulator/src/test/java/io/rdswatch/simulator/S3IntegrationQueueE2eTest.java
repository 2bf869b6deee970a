package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * S3-integration tasks share the two task slots with backups and restores, through the real driver.
 */
class S3IntegrationQueueE2eTest {

  private static final String SCENARIO =
      """
      instances:
        - name: prod
          logins: [{name: monitor, password: m, execute: [rds_task_status]}]
          databases: [{name: Sales, size_mb: 1024}]
          buckets: [{name: data, region: us-east-1}]
          objects:
            - {arn: "arn:aws:s3:::data/big.csv", size_mb: 30000, not_a_backup: true}
            - {arn: "arn:aws:s3:::data/huge.csv", size_mb: 120000, not_a_backup: true}
      """;

  @Test
  void twoTransfersHoldBothSlotsSoABackupWaits() throws Exception {
    try (SimHarness h = new SimHarness(SCENARIO);
        Connection c = h.connect("prod")) {
      String download =
          "exec msdb.dbo.rds_download_from_s3 @s3_arn_of_file='arn:aws:s3:::data/big.csv',"
              + " @rds_file_path='D:\\S3\\big%d.csv', @overwrite_file=1";
      int first = Jdbc.submit(c, String.format(download, 1));
      int second = Jdbc.submit(c, String.format(download, 2));
      int backup =
          Jdbc.submit(
              c,
              "exec msdb.dbo.rds_backup_database @source_db_name='Sales', @s3_arn_to_backup_to='arn:aws:s3:::data/s.bak'");

      h.advance(Duration.ofMinutes(3));
      Map<Integer, String[]> rows = rows(c);
      assertThat(rows.get(first))
          .containsExactly("DOWNLOAD_FROM_S3", null, "IN_PROGRESS", "D:\\S3\\big1.csv", "1");
      assertThat(rows.get(second)[2]).isEqualTo("IN_PROGRESS");
      assertThat(rows.get(backup)[2]).as("no slot left for the backup").isEqualTo("CREATED");

      // 30000 MB at 50 MB/s: the downloads end after 10 minutes of run time, and the backup gets a
      // slot
      h.advance(Duration.ofMinutes(10));
      rows = rows(c);
      assertThat(rows.get(first)[2]).isEqualTo("SUCCESS");
      assertThat(rows.get(second)[2]).isEqualTo("SUCCESS");
      assertThat(rows.get(backup)[2]).isIn("IN_PROGRESS", "SUCCESS");
    }
  }

  @Test
  void anUploadLeavesItsObject() throws Exception {
    try (SimHarness h = new SimHarness(SCENARIO);
        Connection c = h.connect("prod")) {
      int upload =
          Jdbc.submit(
              c,
              "exec msdb.dbo.rds_upload_to_s3 @rds_file_path='D:\\S3\\out.csv',"
                  + " @s3_arn_of_file='arn:aws:s3:::data/out.csv'");
      h.advance(Duration.ofMinutes(5));
      assertThat(rows(c).get(upload))
          .containsExactly("UPLOAD_TO_S3", null, "SUCCESS", "D:\\S3\\out.csv", "0");
      assertThat(
              h.instance("prod")
                  .rds()
                  .locked(() -> h.instance("prod").rds().s3().bucket("data").get("out.csv")))
          .isNotNull();
    }
  }

  @Test
  void aTransferNeedsItsGrantAndAFileUnderTheS3Folder() throws Exception {
    try (SimHarness h = new SimHarness(SCENARIO)) {
      try (Connection monitor = h.connect("prod", "monitor", "m");
          Statement s = monitor.createStatement()) {
        SQLException denied =
            catchThrowableOfType(
                SQLException.class,
                () ->
                    s.execute(
                        "exec msdb.dbo.rds_download_from_s3 @s3_arn_of_file='arn:aws:s3:::data/big.csv', @rds_file_path='D:\\S3\\a'"));
        assertThat(denied.getErrorCode()).isEqualTo(229);
      }
      try (Connection c = h.connect("prod");
          Statement s = c.createStatement()) {
        SQLException path =
            catchThrowableOfType(
                SQLException.class,
                () ->
                    s.execute(
                        "exec msdb.dbo.rds_download_from_s3 @s3_arn_of_file='arn:aws:s3:::data/big.csv', @rds_file_path='C:\\x.csv'"));
        assertThat(path.getMessage()).contains("@rds_file_path must be a file under D:\\S3\\");
      }
    }
  }

  @Test
  void listingAndDeletingFilesWaitForASlotLikeAnyTask() throws Exception {
    try (SimHarness h = new SimHarness(SCENARIO);
        Connection c = h.connect("prod")) {
      String download =
          "exec msdb.dbo.rds_download_from_s3 @s3_arn_of_file='arn:aws:s3:::data/huge.csv',"
              + " @rds_file_path='D:\\S3\\big%d.csv', @overwrite_file=1";
      Jdbc.submit(c, String.format(download, 1));
      Jdbc.submit(c, String.format(download, 2));
      h.advance(Duration.ofMinutes(6)); // both picked up: they hold the two slots for 40 minutes
      int list = Jdbc.submit(c, "exec msdb.dbo.rds_gather_file_details");
      int file =
          Jdbc.submit(
              c, "exec msdb.dbo.rds_delete_from_filesystem @rds_file_path='D:\\S3\\big1.csv'");
      int folder =
          Jdbc.submit(
              c,
              "exec msdb.dbo.rds_delete_from_filesystem @rds_file_path='seed\\', @force_delete=1");

      h.advance(Duration.ofMinutes(6));
      Map<Integer, String[]> rows = rows(c);
      assertThat(rows.get(list)).containsExactly("LIST_FILES_ON_DISK", null, "CREATED", null, "0");
      assertThat(rows.get(file))
          .containsExactly("DELETE_FILES_ON_DISK", null, "CREATED", "D:\\S3\\big1.csv", "0");
      assertThat(rows.get(folder))
          .as("a relative path is under D:\\S3\\")
          .containsExactly("DELETE_FILES_ON_DISK", null, "CREATED", "D:\\S3\\seed\\", "0");
      assertThat(rows.values().stream().filter(r -> r[2].equals("IN_PROGRESS"))).hasSize(2);

      h.advance(Duration.ofMinutes(45));
      rows = rows(c);
      assertThat(rows.get(list)[2]).isEqualTo("SUCCESS");
      assertThat(rows.get(file)[2]).isEqualTo("SUCCESS");
      assertThat(rows.get(folder)[2]).isEqualTo("SUCCESS");
    }
  }

  @Test
  void aListingShowsWhatDownloadsWroteAndDeletesRemoved() throws Exception {
    try (SimHarness h = new SimHarness(SCENARIO);
        Connection c = h.connect("prod")) {
      String download =
          "exec msdb.dbo.rds_download_from_s3 @s3_arn_of_file='arn:aws:s3:::data/big.csv',"
              + " @rds_file_path='%s', @overwrite_file=1";
      Jdbc.submit(c, String.format(download, "D:\\S3\\seed\\big.csv"));
      Jdbc.submit(c, String.format(download, "D:\\S3\\top.csv"));
      h.advance(Duration.ofMinutes(15));
      int first = Jdbc.submit(c, "exec msdb.dbo.rds_gather_file_details");
      h.advance(Duration.ofMinutes(5));
      assertThat(files(c, first))
          .containsExactly(
              "D:\\S3\\seed\\ dir",
              "D:\\S3\\seed\\big.csv 31457280000",
              "D:\\S3\\top.csv 31457280000");

      Jdbc.submit(
          c,
          "exec msdb.dbo.rds_delete_from_filesystem @rds_file_path='D:\\S3\\seed\\', @force_delete=1");
      h.advance(Duration.ofMinutes(5));
      int second = Jdbc.submit(c, "exec msdb.dbo.rds_gather_file_details");
      h.advance(Duration.ofMinutes(5));
      assertThat(files(c, second)).containsExactly("D:\\S3\\top.csv 31457280000");
      assertThat(files(c, first)).as("an earlier listing keeps what it found").hasSize(3);
    }
  }

  /** rds_fn_list_file_details(task): "path size" per file, "path dir" per directory. */
  private static java.util.List<String> files(Connection c, int task) throws SQLException {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (Map<String, Object> r :
        Jdbc.rows(c, "SELECT * FROM msdb.dbo.rds_fn_list_file_details(?)", task)) {
      out.add(
          r.get("filepath")
              + " "
              + (Boolean.TRUE.equals(r.get("is_directory")) ? "dir" : r.get("size_in_bytes")));
    }
    return out;
  }

  @Test
  void aDirectoryIsOnlyDeletedWithForceDelete() throws Exception {
    try (SimHarness h = new SimHarness(SCENARIO);
        Connection c = h.connect("prod")) {
      try (Statement s = c.createStatement()) {
        SQLException refused =
            catchThrowableOfType(
                SQLException.class,
                () ->
                    s.execute(
                        "exec msdb.dbo.rds_delete_from_filesystem @rds_file_path='D:\\S3\\seed\\'"));
        assertThat(refused.getMessage()).contains("@force_delete must be set to 1");
      }
      try (Connection monitor = h.connect("prod", "monitor", "m");
          Statement s = monitor.createStatement()) {
        SQLException denied =
            catchThrowableOfType(
                SQLException.class, () -> s.execute("exec msdb.dbo.rds_gather_file_details"));
        assertThat(denied.getErrorCode()).isEqualTo(229);
      }
    }
  }

  @Test
  void scheduledS3TasksRunThroughTheSameQueue() throws Exception {
    String scheduled =
        SCENARIO
            + """
            schedule:
              - {type: DOWNLOAD_FROM_S3, every: 24h, at: "start+1m", bucket: data, key: huge.csv, path: 'D:\\S3\\a.csv'}
              - {type: DOWNLOAD_FROM_S3, every: 24h, at: "start+1m", bucket: data, key: huge.csv, path: 'D:\\S3\\b.csv'}
              - {type: UPLOAD_TO_S3, every: 24h, at: "start+8m", bucket: data, key: out.csv, path: 'D:\\S3\\a.csv'}
              - {type: LIST_FILES_ON_DISK, every: 24h, at: "start+8m"}
              - {type: DELETE_FILES_ON_DISK, every: 24h, at: "start+8m", path: 'D:\\S3\\b.csv'}
        """;
    try (SimHarness h = new SimHarness(scheduled);
        Connection c = h.connect("prod")) {
      h.advance(Duration.ofMinutes(14));
      Map<Integer, String[]> rows = rows(c);
      assertThat(rows.values())
          .as("the downloads hold both slots; the others wait")
          .extracting(r -> r[0] + " " + r[2])
          .containsExactlyInAnyOrder(
              "DOWNLOAD_FROM_S3 IN_PROGRESS",
              "DOWNLOAD_FROM_S3 IN_PROGRESS",
              "UPLOAD_TO_S3 CREATED",
              "LIST_FILES_ON_DISK CREATED",
              "DELETE_FILES_ON_DISK CREATED");

      h.advance(Duration.ofMinutes(60));
      assertThat(rows(c).values()).extracting(r -> r[2]).containsOnly("SUCCESS");
    }
  }

  /** task id -> task_type, database_name, lifecycle, filepath, overwrite_file. */
  private static Map<Integer, String[]> rows(Connection c) throws SQLException {
    Map<Integer, String[]> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("exec msdb.dbo.rds_task_status")) {
      while (rs.next()) {
        out.put(
            rs.getInt("task_id"),
            new String[] {
              rs.getString("task_type"),
              rs.getString("database_name"),
              rs.getString("lifecycle"),
              rs.getString("filepath"),
              rs.getString("overwrite_file")
            });
      }
    }
    return out;
  }
}
