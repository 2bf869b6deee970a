package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SmokeE2eTest {

  @Test
  void driverConnectsAndRunsTaskStatus() throws Exception {
    try (SimHarness h = new SimHarness(Scenario_.ONE_DB);
        Connection c = h.connect("prod");
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
      try (ResultSet rs = s.executeQuery("exec msdb.dbo.rds_task_status")) {
        assertThat(rs.getMetaData().getColumnCount()).isEqualTo(14);
      }
    }
  }
}
