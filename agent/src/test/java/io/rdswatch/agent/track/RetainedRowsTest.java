package io.rdswatch.agent.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact rows must come back exactly as polled, and only changed rows are compressed again. */
class RetainedRowsTest {

  private static final Instant T = Instant.parse("2026-11-27T03:00:00Z");

  @Test
  void rowsComeBackExactlyAsPolledNullsAndUnicodeIncluded() {
    List<TaskRow> polled = List.of(
        row(1, "SUCCESS", 100, progressLines(20), "arn:aws:s3:::b/Sales.bak", null),
        row(2, "ERROR", 30, "[2026-11-27 03:01:00] Zoë's key 🔑 was not found; 'Sales' is \"busy\"\0", null,
            "arn:aws:kms:us-east-1:1:key/k"),
        row(3, "CREATED", 0, null, "", null));
    assertThat(RetainedRows.NONE.next(polled).rows()).isEqualTo(polled);
  }

  @Test
  void anUnchangedRowKeepsItsCompactFormAndAMovingOneIsUpdated() {
    List<TaskRow> first = List.of(row(1, "SUCCESS", 100, progressLines(20), "arn:aws:s3:::b/1.bak", null),
        row(2, "IN_PROGRESS", 40, progressLines(8), "arn:aws:s3:::b/2.bak", null));
    RetainedRows kept = RetainedRows.NONE.next(first);
    List<TaskRow> second = new ArrayList<>(List.of(first.get(0),
        row(2, "IN_PROGRESS", 45, progressLines(9), "arn:aws:s3:::b/2.bak", null),
        row(3, "CREATED", 0, "", "arn:aws:s3:::b/3.bak", null)));
    RetainedRows next = kept.next(second);
    assertThat(next.rows()).isEqualTo(second);
    assertThat(next.size()).isEqualTo(3);
    assertThat(RetainedRows.NONE.next(List.of()).rows()).isEmpty();
  }

  @Test
  void keepsAQuarterOfTheTextOrLess() {
    TaskRow big = row(1, "SUCCESS", 100, progressLines(20), "arn:aws:s3:::bucket/instance/Sales/full.bak", null);
    RetainedRows kept = RetainedRows.NONE.next(List.of(big));
    assertThat(kept.rows().get(0).taskInfo()).hasSize(big.taskInfo().length());
    assertThat(kept.textBytes()).isLessThan(big.taskInfo().length() / 3);
  }

  private static String progressLines(int n) {
    StringBuilder s = new StringBuilder("[2026-11-27 03:00:00.000] Task execution has started.\n");
    for (int i = 1; i <= n; i++) {
      s.append(String.format("[2026-11-27 03:%02d:%02d.%03d] %d percent processed.%n", i / 10, (i * 7) % 60, i * 37 % 1000,
          i * 5));
    }
    return s.toString();
  }

  private static TaskRow row(long id, String lifecycle, int percent, String info, String arn, String kms) {
    return new TaskRow(id, "BACKUP_DB", TaskType.BACKUP_DB, "Sales", percent, 3, lifecycle, Lifecycle.parse(lifecycle),
        info, T.plusSeconds(id * 60 + percent), T, arn, false, kms);
  }
}
