package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A Multi-AZ failover through the real driver: same endpoint, connections dropped, msdb grants gone. */
class FailoverE2eTest {

  private static final String SCENARIO = """
      instances:
        - name: prod
          logins:
            - {name: monitor, password: m, execute: [rds_task_status]}
            - {name: nothing, password: n}
          databases: [{name: Sales, size_mb: 1024}]
        - name: fresh
          logins: [{name: monitor, password: m, execute: [rds_task_status]}]
          faults: {failed_over: true}
      """;

  @Test
  void afterAFailoverOnlyTheMasterUserKeepsItsRightsUntilTheGrantIsRunAgain() throws Exception {
    try (SimHarness h = new SimHarness(SCENARIO)) {
      SimulatedInstance prod = h.instance("prod");
      int port = prod.port();
      Connection before = h.connect("prod", "monitor", "m");
      taskStatus(before);

      java.util.List<String> lost = prod.failover();
      assertThat(lost).containsExactly("monitor");

      assertThat(prod.port()).isEqualTo(port);
      assertThat((Throwable) catchThrowableOfType(SQLException.class, () -> taskStatus(before)))
          .as("the old connection is gone").isNotNull();
      try (Connection monitor = h.connect("prod", "monitor", "m")) {
        SQLException denied = catchThrowableOfType(SQLException.class, () -> taskStatus(monitor));
        assertThat(denied.getErrorCode()).isEqualTo(229);
        assertThat(denied.getMessage()).isEqualTo(
            "The EXECUTE permission was denied on the object 'rds_task_status', database 'msdb', schema 'dbo'.");
      }
      try (Connection master = h.connect("prod")) {
        taskStatus(master);
        try (Connection other = h.connect("prod", "nothing", "n"); Statement s = other.createStatement()) {
          SQLException notMaster = catchThrowableOfType(SQLException.class,
              () -> s.execute("GRANT EXECUTE ON msdb.dbo.rds_task_status TO nothing"));
          assertThat(notMaster.getErrorCode()).isEqualTo(15151);
        }
        try (Statement s = master.createStatement()) {
          SQLException noUser = catchThrowableOfType(SQLException.class,
              () -> s.execute("GRANT EXECUTE ON msdb.dbo.rds_task_status TO ghost"));
          assertThat(noUser.getMessage()).contains("Cannot find the user 'ghost'");
          s.execute("USE msdb; GRANT EXECUTE ON OBJECT::dbo.rds_task_status TO [monitor]");
        }
      }
      try (Connection monitor = h.connect("prod", "monitor", "m")) {
        taskStatus(monitor);
      }
    }
  }

  @Test
  void aScenarioCanStartAnInstanceJustFailedOver() throws Exception {
    try (SimHarness h = new SimHarness(SCENARIO); Connection monitor = h.connect("fresh", "monitor", "m")) {
      assertThat(catchThrowableOfType(SQLException.class, () -> taskStatus(monitor)).getErrorCode()).isEqualTo(229);
    }
  }

  private static void taskStatus(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("exec msdb.dbo.rds_task_status");
    }
  }
}
