package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FreeTDS tsql, a client independent of mssql-jdbc, logs in and runs rds_task_status. tsql must be
 * installed (Debian freetds-bin; bin/test installs it): this test fails, never skips, without it.
 */
class TsqlE2eTest {
  @TempDir Path dir;

  @Test
  void tsqlRunsRdsTaskStatus() throws Exception {
    try (SimHarness h = new SimHarness(Scenario_.ONE_DB)) {
      h.instance("prod")
          .backup(
              io.rdswatch.simulator.rds.BackupRequest.full("Sales", "arn:aws:s3:::backups/t.bak"));
      h.advance(Duration.ofMinutes(10));
      String out =
          tsql(
              h.instance("prod").port(),
              "exec msdb.dbo.rds_task_status @db_name='Sales'\ngo\nSELECT name FROM sys.databases WHERE name = 'Sales'\ngo\nexit\n");
      assertThat(out)
          .contains(
              "task_id",
              "% complete",
              "duration(mins)",
              "lifecycle",
              "S3_object_arn",
              "BACKUP_DB",
              "SUCCESS",
              "arn:aws:s3:::backups/t.bak",
              "Task has been completed.");
      assertThat(out).contains("Sales");
      assertThat(out).doesNotContain("Msg ");
    }
  }

  private String tsql(int port, String input) throws IOException, InterruptedException {
    Path conf = dir.resolve("freetds.conf");
    Files.writeString(
        conf, "[global]\n  tds version = 7.4\n  encryption = off\n  text size = 1048576\n");
    ProcessBuilder pb =
        new ProcessBuilder(
                "tsql", "-H", "127.0.0.1", "-p", String.valueOf(port), "-U", "admin", "-P", "admin")
            .redirectErrorStream(true);
    pb.environment().put("FREETDSCONF", conf.toString());
    pb.environment().put("TDSVER", "7.4");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError(
          "FreeTDS tsql is required for this test (apt-get install freetds-bin): " + e.getMessage(),
          e);
    }
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("tsql finished").isTrue();
    assertThat(p.exitValue()).as("tsql exit status; output:\n" + out).isZero();
    return out;
  }
}
