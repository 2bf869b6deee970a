package io.rdswatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskInfoEtaTest {

  private static TaskRow running(int pct, String info) {
    Instant t = Instant.parse("2017-08-05T00:05:35Z");
    return new TaskRow(
        1,
        "BACKUP_DB",
        TaskType.BACKUP_DB,
        "AdventureWorks",
        pct,
        19,
        "IN_PROGRESS",
        Lifecycle.IN_PROGRESS,
        info,
        t,
        t,
        null,
        false,
        null);
  }

  @Test
  void estimatesFromThePercentLinesOfTaskInfo() {
    // the reference's sample log, one more step added: 5% per ~9.5 min
    String info =
        """
        [2017-08-04 23:46:23.690] Task execution has started.
        [2017-08-04 23:55:48.560] 5 percent processed.
        [2017-08-04 23:56:56.220] AdventureWorks_full.bak: Completed processing 5% of S3 chunks.
        [2017-08-05 00:05:35.700] 10 percent processed.
        [2017-08-05 00:15:05.000] 15 percent processed.""";
    double left = TaskInfoEta.secondsLeft(running(15, info));
    // 10 points in 1156.44 s; 85 left
    assertThat(left).isCloseTo(85 * 1156.44 / 10, within(0.01));
    assertThat(TasksCommand.eta(left)).isEqualTo("2h44m");
  }

  @Test
  void unknownWithOneStep() {
    String info =
        "[2017-08-04 23:46:23.690] Task execution has started.\n"
            + "[2017-08-04 23:55:48.560] 5 percent processed.\n[2017-08-05 00:05:35.700] 10 percent processed.";
    assertThat(TaskInfoEta.secondsLeft(running(10, info))).isNaN();
    assertThat(TasksCommand.eta(Double.NaN)).isNull();
  }
}
