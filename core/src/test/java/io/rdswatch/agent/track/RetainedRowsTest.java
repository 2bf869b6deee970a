package io.rdswatch.agent.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.exporter.model.Lifecycle;
import io.rdswatch.exporter.model.TaskRow;
import io.rdswatch.exporter.model.TaskType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact rows must come back exactly as polled; finished rows end up in one block. */
class RetainedRowsTest {

  private static final Instant T = Instant.parse("2026-11-27T03:00:00Z");

  @Test
  void rowsComeBackExactlyAsPolledNullsAndUnicodeIncluded() {
    List<TaskRow> polled =
        new ArrayList<>(
            List.of(
                row(1, "SUCCESS", 100, progressLines(20), "arn:aws:s3:::b/Sales.bak", null),
                row(
                    2,
                    "ERROR",
                    30,
                    "[2026-11-27 03:01:00] Zoë's key 🔑 was not found; 'Sales' is \"busy\"\0",
                    null,
                    "arn:aws:kms:us-east-1:1:key/k"),
                row(3, "CREATED", 0, null, "", null)));
    for (int i = 10; i < 10 + RetainedRows.REBUILD_AFTER; i++) { // enough to build a block
      polled.add(
          new TaskRow(
              i,
              "WEIRD_TYPE",
              null,
              null,
              100,
              -1,
              "DONE-ish",
              Lifecycle.SUCCESS,
              null,
              null,
              Instant.ofEpochSecond(5, 123_456_789),
              null,
              true,
              null));
      polled.add(row(100 + i, "CANCELLED", 7, "x", null, null));
    }
    RetainedRows kept = RetainedRows.NONE.next(polled);
    assertThat(kept.rows()).isEqualTo(polled);
    assertThat(kept.looseRows()).isEqualTo(1);
  }

  @Test
  void finishedRowsGoIntoOneBlockOnceEnoughHaveGathered() {
    List<TaskRow> polled = new ArrayList<>();
    for (int i = 1; i <= RetainedRows.REBUILD_AFTER + 40; i++) {
      polled.add(row(i, "SUCCESS", 100, progressLines(20), "arn:aws:s3:::b/" + i + ".bak", null));
    }
    polled.add(row(999, "IN_PROGRESS", 35, progressLines(7), "arn:aws:s3:::b/999.bak", null));
    RetainedRows kept = RetainedRows.NONE.next(polled);
    assertThat(kept.rows()).isEqualTo(polled);
    assertThat(kept.looseRows()).as("only the moving row").isEqualTo(1);
    long textBytes =
        polled.stream().mapToLong(r -> r.taskInfo().length() + r.s3ObjectArn().length()).sum();
    assertThat(kept.blockBytes()).as("deflated together").isLessThan(textBytes / 6);

    List<TaskRow> later =
        new ArrayList<>(polled.subList(5, polled.size() - 1)); // the oldest left the history
    later.add(row(999, "SUCCESS", 100, progressLines(20), "arn:aws:s3:::b/999.bak", null));
    later.add(row(1000, "CREATED", 0, "", "arn:aws:s3:::b/1000.bak", null));
    RetainedRows next = kept.next(later);
    assertThat(next.rows()).isEqualTo(later);
    assertThat(next.looseRows()).as("the newly finished and the new row").isEqualTo(2);
    assertThat(next.next(later).rows()).isEqualTo(later);
  }

  @Test
  void aFinishedRowThatChangesIsKeptAsItIsNow() {
    List<TaskRow> first = new ArrayList<>();
    for (int i = 1; i <= RetainedRows.REBUILD_AFTER; i++) {
      first.add(row(i, "SUCCESS", 100, progressLines(20), "arn:aws:s3:::b/" + i + ".bak", null));
    }
    RetainedRows kept = RetainedRows.NONE.next(first);
    List<TaskRow> second = new ArrayList<>(first);
    second.set(
        3, row(4, "ERROR", 100, progressLines(20) + "rewritten", "arn:aws:s3:::b/4.bak", null));
    assertThat(kept.next(second).rows()).isEqualTo(second);
    assertThat(RetainedRows.NONE.next(List.of()).rows()).isEmpty();
  }

  private static String progressLines(int n) {
    StringBuilder s = new StringBuilder("[2026-11-27 03:00:00.000] Task execution has started.\n");
    for (int i = 1; i <= n; i++) {
      s.append(
          String.format(
              "[2026-11-27 03:%02d:%02d.%03d] %d percent processed.%n",
              i / 10, (i * 7) % 60, i * 37 % 1000, i * 5));
    }
    return s.toString();
  }

  private static TaskRow row(
      long id, String lifecycle, int percent, String info, String arn, String kms) {
    return new TaskRow(
        id,
        "BACKUP_DB",
        TaskType.BACKUP_DB,
        "Sales",
        percent,
        3,
        lifecycle,
        Lifecycle.parse(lifecycle),
        info,
        T.plusSeconds(id * 60 + percent),
        T,
        arn,
        false,
        kms);
  }
}
