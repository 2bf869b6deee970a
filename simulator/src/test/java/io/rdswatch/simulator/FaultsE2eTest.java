package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdswatch.simulator.rds.CheckdbFault;
import io.rdswatch.simulator.rds.ColumnFault;
import io.rdswatch.simulator.rds.TaskFailure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every per-instance fault, switched at run time and seen by the real driver. */
class FaultsE2eTest {
  SimHarness h;
  SimulatedInstance prod;

  @BeforeEach
  void start() throws Exception {
    h = new SimHarness(Scenario_.ONE_DB);
    prod = h.instance("prod");
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void instanceDownRefusesConnectionsAndComesBackOnTheSamePort() throws Exception {
    int port = prod.port();
    Connection open = h.connect("prod");
    prod.faults().down(true);
    assertThatThrownBy(() -> h.connect("prod"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("connection");
    assertThatThrownBy(() -> Jdbc.rows(open, "SELECT 1")).isInstanceOf(SQLException.class);
    prod.faults().down(false);
    assertThat(prod.port()).isEqualTo(port);
    try (Connection again = h.connect("prod")) {
      assertThat(Jdbc.scalar(again, "SELECT 1")).isEqualTo(1);
    }
  }

  @Test
  void checkdbFaultsInterruptOnlyCheckdbAndOnlyAsOftenAsAsked() throws Exception {
    String checkdb = "DBCC CHECKDB(N'Sales') WITH NO_INFOMSGS";
    prod.faults().checkdb(CheckdbFault.PERMISSION, 1);
    try (Connection c = h.connect("prod")) {
      assertThatThrownBy(() -> c.createStatement().execute(checkdb))
          .isInstanceOf(SQLException.class)
          .hasMessage(
              "User 'admin' does not have permission to run DBCC checkdb for database 'Sales'.")
          .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(7983));
      assertThat(c.isValid(2)).as("a permission error leaves the session alone").isTrue();
      c.createStatement().execute(checkdb); // the fault was for one CHECKDB only
    }

    prod.faults().checkdb(CheckdbFault.DISCONNECT, -1);
    try (Connection c = h.connect("prod")) {
      assertThat(Jdbc.scalar(c, "SELECT 1")).as("other statements are untouched").isEqualTo(1);
      assertThatThrownBy(() -> c.createStatement().execute(checkdb))
          .isInstanceOf(SQLException.class);
      assertThat(c.isValid(2)).as("the socket was cut").isFalse();
    }

    prod.faults().checkdb(CheckdbFault.HANG, -1).checkdbHang(Duration.ofSeconds(20));
    try (Connection c = h.connect("prod");
        Statement st = c.createStatement()) {
      st.setQueryTimeout(1);
      assertThatThrownBy(() -> st.execute(checkdb)).isInstanceOf(SQLTimeoutException.class);
    }
    prod.faults().clear();
    try (Connection c = h.connect("prod")) {
      c.createStatement().execute(checkdb);
    }
  }

  @Test
  void aScenarioCanStartWithACheckdbFault() throws Exception {
    try (SimHarness other =
            new SimHarness(
                Scenario_.ONE_DB.replace(
                    "    databases:", "    faults: {checkdb: permission}\n    databases:"));
        Connection c = other.connect("prod")) {
      assertThatThrownBy(() -> c.createStatement().execute("DBCC CHECKDB(N'Sales')"))
          .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(7983));
    }
    assertThatThrownBy(
            () ->
                new SimHarness(
                    Scenario_.ONE_DB.replace(
                        "    databases:", "    faults: {checkdb: sometimes}\n    databases:")))
        .hasMessageContaining("checkdb")
        .hasMessageContaining(
            "'sometimes' is not one of none, disconnect, failover, permission, hang");
  }

  @Test
  void loginFailureRejectsEvenTheRightPassword() throws Exception {
    prod.faults().loginFailure(true);
    assertThatThrownBy(() -> h.connect("prod"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Login failed for user 'admin'.")
        .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(18456));
    prod.faults().loginFailure(false);
    h.connect("prod").close();
    assertThatThrownBy(() -> h.connect("prod", "admin", "wrong"))
        .hasMessageContaining("Login failed for user 'admin'.");
  }

  @Test
  void latencyIsCutShortByTheQueryTimeoutAndTheConnectionStaysUsable() throws Exception {
    try (Connection c = h.connect("prod");
        Statement s = c.createStatement()) {
      prod.faults().latency(Duration.ofSeconds(20));
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      assertThatThrownBy(() -> s.executeQuery("exec msdb.dbo.rds_task_status"))
          .isInstanceOf(SQLTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      prod.faults().latency(Duration.ZERO);
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void aConnectionDroppedMidResultFailsTheRead() throws Exception {
    try (Connection c = h.connect("prod")) {
      prod.faults().dropAfterRows(2);
      assertThatThrownBy(() -> Jdbc.rows(c, "SELECT name FROM sys.databases"))
          .isInstanceOf(SQLException.class);
      assertThat(c.isValid(2)).isFalse();
    }
    prod.faults().dropAfterRows(-1);
    try (Connection c = h.connect("prod")) {
      assertThat(Jdbc.rows(c, "SELECT name FROM sys.databases")).hasSize(6);
    }
  }

  @Test
  void taskStatusColumnsCanGoMissingGainOneOrBeRenamed() throws Exception {
    try (Connection c = h.connect("prod")) {
      prod.faults().statusColumns(ColumnFault.missing("task_info"));
      assertThat(columns(c)).hasSize(13).doesNotContain("task_info");
      prod.faults().statusColumns(ColumnFault.extra("task_metadata"));
      assertThat(columns(c)).hasSize(15).endsWith("task_metadata");
      prod.faults().statusColumns(ColumnFault.renamed("duration(mins)", "duration (mins)"));
      assertThat(columns(c))
          .hasSize(14)
          .contains("duration (mins)")
          .doesNotContain("duration(mins)");
      prod.faults().statusColumns(ColumnFault.NONE);
      assertThat(columns(c)).hasSize(14);
    }
  }

  @Test
  void theTaskStatusFunctionCanBeMissing() throws Exception {
    try (Connection c = h.connect("prod")) {
      assertThat(Jdbc.rows(c, "SELECT * FROM msdb.dbo.rds_fn_task_status(NULL, 0)")).isEmpty();
      prod.faults().taskStatusFunctionMissing(true);
      Jdbc.failsWith(
          c,
          "SELECT * FROM msdb.dbo.rds_fn_task_status(NULL, 0)",
          208,
          "Invalid object name 'msdb.dbo.rds_fn_task_status'.");
    }
  }

  @Test
  void failureRatesMakeScheduledBackupsFailWithThatReason() throws Exception {
    try (SimHarness sched =
            new SimHarness(
                """
        instances:
          - name: flaky
            databases: [{name: A, size_mb: 1024}, {name: B, size_mb: 1024}]
            buckets: [{name: backups}]
            schedule: [{type: DIFFERENTIAL, every: 1h, at: "00:10", bucket: backups}]
            failure_rates: {s3_access_denied: 1.0}
        """);
        Connection c = sched.connect("flaky")) {
      sched.advance(Duration.ofHours(3));
      List<Object> infos =
          Jdbc.rows(c, "exec msdb.dbo.rds_task_status").stream()
              .map(r -> r.get("task_info"))
              .toList();
      assertThat(infos)
          .hasSize(6)
          .allSatisfy(i -> assertThat((String) i).contains("] Access Denied"));
      sched.instance("flaky").rds().failureRate(TaskFailure.S3_ACCESS_DENIED, 0);
      sched.advance(Duration.ofHours(1));
      assertThat(Jdbc.rows(c, "exec msdb.dbo.rds_task_status"))
          .extracting(r -> r.get("lifecycle"))
          .endsWith("SUCCESS", "SUCCESS");
    }
  }

  @Test
  void faultsCanBeSetFromTheScenario() throws Exception {
    try (SimHarness s =
        new SimHarness(
            """
        instances:
          - name: broken
            faults: {login_failure: true}
          - name: off
            faults: {down: true}
          - name: odd
            faults: {status_columns: {renamed: {from: overwrite_s3_backup_file, to: overwrite_S3_backup_file}}}
          - name: short
            faults: {status_columns: {missing: filepath}}
          - name: long
            faults: {status_columns: {extra: task_metadata}}
          - name: slow
            faults: {latency_ms: 20000}
          - name: flaky
            faults: {drop_after_rows: 2}
        """)) {
      assertThatThrownBy(() -> s.connect("broken")).hasMessageContaining("Login failed");
      assertThatThrownBy(() -> s.connect("off")).isInstanceOf(SQLException.class);
      try (Connection c = s.connect("odd")) {
        assertThat(columns(c)).contains("overwrite_S3_backup_file");
      }
      try (Connection c = s.connect("short")) {
        assertThat(columns(c)).hasSize(13).doesNotContain("filepath");
      }
      try (Connection c = s.connect("long")) {
        assertThat(columns(c)).hasSize(15).endsWith("task_metadata");
      }
      try (Connection c = s.connect("slow");
          Statement st = c.createStatement()) {
        st.setQueryTimeout(1);
        assertThatThrownBy(() -> st.executeQuery("SELECT 1"))
            .isInstanceOf(SQLTimeoutException.class);
        s.instance("slow").faults().latency(Duration.ZERO);
        assertThat(Jdbc.scalar(c, "SELECT 1")).isEqualTo(1);
      }
      try (Connection c = s.connect("flaky")) {
        assertThatThrownBy(() -> Jdbc.rows(c, "SELECT name FROM sys.databases"))
            .isInstanceOf(SQLException.class);
        assertThat(c.isValid(2)).isFalse();
      }
    }
  }

  @Test
  void aFailureRateCanBeSwitchedOnAtRunTime() throws Exception {
    try (SimHarness sched =
            new SimHarness(
                """
        instances:
          - name: steady
            databases: [{name: A, size_mb: 1024}]
            buckets: [{name: backups}]
            schedule: [{type: DIFFERENTIAL, every: 1h, at: "00:10", bucket: backups}]
        """);
        Connection c = sched.connect("steady")) {
      sched.advance(Duration.ofHours(2));
      assertThat(Jdbc.rows(c, "exec msdb.dbo.rds_task_status"))
          .extracting(r -> r.get("lifecycle"))
          .containsExactly("SUCCESS", "SUCCESS");
      sched.instance("steady").rds().failureRate(TaskFailure.S3_WRONG_REGION, 1.0);
      sched.advance(Duration.ofHours(1));
      assertThat(Jdbc.rows(c, "exec msdb.dbo.rds_task_status"))
          .last()
          .satisfies(
              r -> {
                assertThat(r.get("lifecycle")).isEqualTo("ERROR");
                assertThat((String) r.get("task_info"))
                    .contains(
                        "] Please specify a bucket that is in the same region as RDS instance");
              });
    }
  }

  private static List<String> columns(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("exec msdb.dbo.rds_task_status")) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnName(i));
      }
      return names;
    }
  }
}
