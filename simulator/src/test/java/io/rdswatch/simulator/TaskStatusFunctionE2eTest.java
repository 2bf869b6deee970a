package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * msdb.dbo.rds_fn_task_status as a monitoring login reads it: narrow column lists, the WHERE shapes
 * an incremental poll needs (ids above a watermark, tasks not finished, a list of ids), written as
 * people write SQL (any case, any spacing), and the grant it needs.
 */
class TaskStatusFunctionE2eTest extends ProdInstanceE2e {

  @Override
  String scenario() {
    return """
        instances:
          - name: prod
            databases: [{name: Sales, size_mb: 64}]
            buckets: [{name: backups}]
            logins:
              - {name: reader, password: reader-pw, execute: [rds_task_status], select: [rds_fn_task_status]}
              - {name: procOnly, password: proc-pw, execute: [rds_task_status]}
        """;
  }

  private void backups(int n) throws Exception {
    for (int i = 0; i < n; i++) {
      Jdbc.submit(
          c,
          "exec msdb.dbo.rds_backup_database @source_db_name='Sales', "
              + "@s3_arn_to_backup_to='arn:aws:s3:::backups/f"
              + i
              + ".bak', @overwrite_s3_backup_file=1");
      h.advance(Duration.ofHours(1));
    }
  }

  @Test
  void aboveWatermarkOrNotFinishedWithNarrowColumns() throws Exception {
    backups(4);
    Jdbc.submit(
        c,
        "exec msdb.dbo.rds_backup_database @source_db_name='Sales', "
            + "@s3_arn_to_backup_to='arn:aws:s3:::backups/late.bak'");
    try (Connection reader = h.connect("prod", "reader", "reader-pw")) {
      List<Map<String, Object>> rows =
          Jdbc.rows(
              reader,
              "SELECT task_id, task_type, database_name, [% complete], [duration(mins)], lifecycle, last_updated, created_at"
                  + " FROM msdb.dbo.rds_fn_task_status(NULL, 0)"
                  + " WHERE task_id > ? OR lifecycle IS NULL OR lifecycle NOT IN ('SUCCESS', 'ERROR', 'CANCELLED')"
                  + " ORDER BY task_id",
              2);
      assertThat(rows).extracting(r -> r.get("task_id")).containsExactly(3, 4, 5);
      assertThat(rows.get(0))
          .doesNotContainKey("task_info")
          .containsEntry("lifecycle", "SUCCESS")
          .containsKeys("% complete", "duration(mins)");
      assertThat(rows.get(2).get("lifecycle")).isIn("CREATED", "IN_PROGRESS");

      List<Map<String, Object>> spaced =
          Jdbc.rows(
              reader,
              "select  Task_Id ,LIFECYCLE\nfrom MSDB.DBO.RDS_FN_TASK_STATUS( null , 0 )\n"
                  + "where task_id>? or lifecycle not in('success','error','cancelled')\norder by TASK_ID asc",
              9);
      assertThat(spaced)
          .as("a task not finished, whatever its id")
          .extracting(r -> r.get("Task_Id"))
          .containsExactly(5);
    }
  }

  @Test
  void taskInfoForAListOfIds() throws Exception {
    backups(3);
    try (Connection reader = h.connect("prod", "reader", "reader-pw")) {
      List<Map<String, Object>> rows =
          Jdbc.rows(
              reader,
              "SELECT task_id, task_info FROM msdb.dbo.rds_fn_task_status(NULL, 0) WHERE task_id IN (?, ?)",
              1,
              3);
      assertThat(rows).extracting(r -> r.get("task_id")).containsExactlyInAnyOrder(1, 3);
      assertThat(rows)
          .allSatisfy(
              r -> assertThat((String) r.get("task_info")).contains("Task execution has started."));
    }
  }

  @Test
  void loginWithoutTheSelectGrantGetsError229() throws Exception {
    backups(1);
    try (Connection procOnly = h.connect("prod", "procOnly", "proc-pw")) {
      Jdbc.failsWith(
          procOnly,
          "SELECT task_id FROM msdb.dbo.rds_fn_task_status(NULL, 0) WHERE task_id > 0",
          229,
          "The SELECT permission was denied on the object 'rds_fn_task_status', database 'msdb', schema 'dbo'.");
      assertThat(Jdbc.rows(procOnly, "exec msdb.dbo.rds_task_status")).hasSize(1);
    }
  }
}
