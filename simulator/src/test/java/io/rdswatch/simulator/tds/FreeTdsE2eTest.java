package io.rdswatch.simulator.tds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * FreeTDS tsql as a second, independent client. tsql must be installed (bin/test installs
 * freetds-bin); a missing tsql fails this test rather than skipping it.
 */
class FreeTdsE2eTest {
  static final String TSQL = "/usr/bin/tsql";
  @RegisterExtension static final TestServer sim = new TestServer();

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    assertThat(new File(TSQL).canExecute())
        .as("FreeTDS tsql at " + TSQL + " (Debian freetds-bin; bin/test installs it)")
        .isTrue();
    Files.writeString(
        dir.resolve("freetds.conf"), "[global]\n  tds version = 7.4\n  encryption = off\n");
  }

  @Test
  void tsqlLogsInAndReadsTypedRows() throws Exception {
    Result r = tsql(FixedBackend.PASSWORD, "select types\ngo\nselect many\ngo\nexit\n");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output())
        .contains("-42")
        .contains("9000000000")
        .contains("-12345.67")
        .contains(FixedBackend.UNICODE)
        .contains("Mar 15 2024 01:45PM")
        .contains("row 4999")
        .contains("(5000 rows affected)");
    assertThat(sim.backend.calls).anySatisfy(c -> assertThat(c.sql()).isEqualTo("select types\n"));
  }

  @Test
  void tsqlSeesErrorsAndTheProcedureCall() throws Exception {
    Result r =
        tsql(FixedBackend.PASSWORD, "exec msdb.dbo.rds_task_status\ngo\nselect error\ngo\nexit\n");
    assertThat(r.output()).contains("task_id\tdatabase_name\n7\tNULL");
    assertThat(r.output()).contains("Msg 50000").contains("Backup of database 'sales' failed.");
  }

  @Test
  void tsqlIsRefusedWithAWrongPassword() throws Exception {
    Result r = tsql("nope", "select 1\ngo\nexit\n");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.output()).contains("Login failed for user 'admin'.");
  }

  record Result(int exitCode, String output) {}

  private static Result tsql(String password, String input)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                TSQL,
                "-H",
                "127.0.0.1",
                "-p",
                Integer.toString(sim.listener.port()),
                "-U",
                FixedBackend.USER,
                "-P",
                password));
    pb.environment().put("FREETDSCONF", dir.resolve("freetds.conf").toString());
    pb.environment().put("TDSVER", "7.4");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("tsql finished").isTrue();
    return new Result(p.exitValue(), out);
  }
}
