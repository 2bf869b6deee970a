package io.rdswatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The task lifecycle as a poller sees it through rds_task_status. */
class LifecycleE2eTest extends ProdInstanceE2e {
  /**
   * A task_info line as docs/rds-facts.md shows them: {@code [2017-08-04 23:55:48.560] 5 percent
   * processed.}
   */
  static final Pattern TIMESTAMPED =
      Pattern.compile("\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}] \\S.*");

  static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  @Override
  String scenario() {
    return Scenario_.ONE_DB;
  }

  private int backup(String key) throws Exception {
    return Jdbc.submit(
        c,
        "exec msdb.dbo.rds_backup_database @source_db_name='Sales', "
            + "@s3_arn_to_backup_to='arn:aws:s3:::backups/"
            + key
            + "'");
  }

  private List<Object> lifecycles() throws Exception {
    return Jdbc.rows(c, "exec msdb.dbo.rds_task_status").stream()
        .map(r -> r.get("lifecycle"))
        .toList();
  }

  @Test
  void theThirdTaskWaitsInCreatedUntilASlotFrees() throws Exception {
    int first = backup("1.bak");
    backup("2.bak");
    int third = backup("3.bak");
    h.advance(Duration.ofMinutes(2).plusSeconds(5)); // every pickup delay is over
    assertThat(lifecycles()).containsExactly("IN_PROGRESS", "IN_PROGRESS", "CREATED");
    Map<String, Object> waiting = Jdbc.task(c, third);
    assertThat(waiting.get("task_info")).isNull();
    assertThat(waiting.get("% complete")).isEqualTo(0);

    int seen = 0;
    while (!"SUCCESS".equals(Jdbc.task(c, first).get("lifecycle"))) {
      h.advance(Duration.ofSeconds(20));
      assertThat(++seen).isLessThan(30);
    }
    assertThat(Jdbc.task(c, third).get("lifecycle")).isEqualTo("IN_PROGRESS");
    h.advance(Duration.ofMinutes(5));
    assertThat(lifecycles()).containsOnly("SUCCESS");
  }

  @Test
  void progressGrowsInFivePercentStepsAndLastUpdatedMoves() throws Exception {
    int id = backup("p.bak");
    h.advance(Duration.ofMinutes(2).plusSeconds(5));
    int lastPercent = -1;
    int lastLines = 0;
    Timestamp lastUpdated = null;
    for (int i = 0; i < 5; i++) { // 2:20 to 3:20: within the run whatever the pickup delay was
      h.advance(Duration.ofSeconds(15));
      Map<String, Object> row = Jdbc.task(c, id);
      int percent = (int) row.get("% complete");
      assertThat(percent % 5).isZero();
      assertThat(percent).isGreaterThan(lastPercent);
      Timestamp updated = (Timestamp) row.get("last_updated");
      if (lastUpdated != null) {
        assertThat(updated).isAfter(lastUpdated);
      }
      String[] lines = ((String) row.get("task_info")).split("\n");
      assertThat(lines)
          .hasSizeGreaterThan(lastLines)
          .allMatch(l -> TIMESTAMPED.matcher(l).matches());
      assertThat(lines[0]).endsWith("] Task execution has started.");
      assertThat(lines[lines.length - 1]).endsWith("] " + percent + " percent processed.");
      LocalDateTime newest = LocalDateTime.parse(lines[lines.length - 1].substring(1, 24), STAMP);
      // last_updated is the newest line's moment, as a DATETIME (1/300 s)
      assertThat(Duration.between(newest, updated.toLocalDateTime()).abs())
          .isLessThanOrEqualTo(Duration.ofMillis(4));
      lastLines = lines.length;
      lastPercent = percent;
      lastUpdated = updated;
    }
  }

  @Test
  void cancelShowsCancelRequestedThenCancelled() throws Exception {
    int id = backup("c.bak");
    h.advance(Duration.ofMinutes(3));
    assertThat(Jdbc.rows(c, "exec msdb.dbo.rds_cancel_task @task_id = " + id).get(0))
        .containsEntry("lifecycle", "CANCEL_REQUESTED");
    assertThat(Jdbc.task(c, id)).containsEntry("lifecycle", "CANCEL_REQUESTED");
    h.advance(Duration.ofMinutes(1));
    Map<String, Object> row = Jdbc.task(c, id);
    assertThat(row).containsEntry("lifecycle", "CANCELLED");
    assertThat((String) row.get("task_info")).contains("Task cancellation has been requested.");
    Jdbc.failsWith(
        c,
        "exec msdb.dbo.rds_cancel_task " + id,
        50000,
        "Task " + id + " cannot be cancelled: it is already CANCELLED.");
  }

  @Test
  void tasksOlderThan36DaysDisappear() throws Exception {
    int old = backup("old.bak");
    h.advance(Duration.ofDays(30));
    int young = backup("young.bak");
    h.advance(Duration.ofDays(5));
    assertThat(Jdbc.rows(c, "exec msdb.dbo.rds_task_status"))
        .extracting(r -> r.get("task_id"))
        .containsExactly(old, young);
    h.advance(Duration.ofDays(2));
    assertThat(Jdbc.rows(c, "exec msdb.dbo.rds_task_status"))
        .extracting(r -> r.get("task_id"))
        .containsExactly(young);
  }
}
