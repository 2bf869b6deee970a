package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A Multi-AZ failover through the real driver: same endpoint, connections dropped, msdb grants
 * gone.
 */
class FailoverE2eTest {

  private static final String SCENARIO =
      """
      instances:
        - name: prod
          logins:
            - {name: monitor, password: m, execute: [rds_task_status]}
            - {name: nothing, password: n}
            - {name: reader, password: r, execute: [rds_task_status], select: [rds_fn_task_status]}
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
      assertThat(lost).containsExactlyInAnyOrder("monitor", "reader");

      assertThat(prod.port()).isEqualTo(port);
      assertThat((Throwable) catchThrowableOfType(SQLException.class, () -> taskStatus(before)))
          .as("the old connection is gone")
          .isNotNull();
      try (Connection monitor = h.connect("prod", "monitor", "m")) {
        SQLException denied = catchThrowableOfType(SQLException.class, () -> taskStatus(monitor));
        assertThat(denied.getErrorCode()).isEqualTo(229);
        assertThat(denied.getMessage())
            .isEqualTo(
                "The EXECUTE permission was denied on the object 'rds_task_status', database 'msdb', schema 'dbo'.");
      }
      try (Connection master = h.connect("prod")) {
        taskStatus(master);
        try (Connection other = h.connect("prod", "nothing", "n");
            Statement s = other.createStatement()) {
          SQLException notMaster =
              catchThrowableOfType(
                  SQLException.class,
                  () -> s.execute("GRANT EXECUTE ON msdb.dbo.rds_task_status TO nothing"));
          assertThat(notMaster.getErrorCode()).isEqualTo(15151);
        }
        try (Statement s = master.createStatement()) {
          SQLException noUser =
              catchThrowableOfType(
                  SQLException.class,
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
  void theSelectGrantOnTheTaskFunctionGoesTooAndComesBackWithItsOwnGrant() throws Exception {
    try (SimHarness h = new SimHarness(SCENARIO)) {
      try (Connection reader = h.connect("prod", "reader", "r")) {
        taskFunction(reader);
      }
      h.instance("prod").failover();
      try (Connection master = h.connect("prod");
          Statement s = master.createStatement()) {
        s.execute("USE msdb; GRANT EXECUTE ON msdb.dbo.rds_task_status TO reader");
      }
      try (Connection reader = h.connect("prod", "reader", "r")) {
        taskStatus(reader);
        SQLException denied = catchThrowableOfType(SQLException.class, () -> taskFunction(reader));
        assertThat(denied.getErrorCode())
            .as("EXECUTE alone does not give back SELECT")
            .isEqualTo(229);
      }
      try (Connection master = h.connect("prod");
          Statement s = master.createStatement()) {
        SQLException other =
            catchThrowableOfType(
                SQLException.class,
                () -> s.execute("GRANT SELECT ON msdb.dbo.rds_fn_nothing TO reader"));
        assertThat(other.getErrorCode()).isEqualTo(15151);
        s.execute("GRANT SELECT ON msdb.dbo.rds_fn_task_status TO reader");
      }
      try (Connection reader = h.connect("prod", "reader", "r")) {
        taskFunction(reader);
        taskStatus(reader);
      }
    }
  }

  @Test
  void aScenarioCanStartAnInstanceJustFailedOver() throws Exception {
    try (SimHarness h = new SimHarness(SCENARIO);
        Connection monitor = h.connect("fresh", "monitor", "m")) {
      assertThat(catchThrowableOfType(SQLException.class, () -> taskStatus(monitor)).getErrorCode())
          .isEqualTo(229);
    }
  }

  private static void taskFunction(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeQuery("SELECT task_id FROM msdb.dbo.rds_fn_task_status(NULL, 0)").close();
    }
  }

  private static void taskStatus(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("exec msdb.dbo.rds_task_status");
    }
  }
}
