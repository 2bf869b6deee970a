package io.rdswatch.agent.track;

import static io.rdswatch.agent.track.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.BackupKind;
import io.rdswatch.exporter.model.TaskRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class BackupCadenceTest {

  private static final BackupKey ORDERS_DIFF = new BackupKey("Orders", BackupKind.DIFFERENTIAL);

  private static TaskRow success(long id, String type, long atSeconds) {
    return Rows.row(id, type, "Orders", "SUCCESS", 100, T0, T0.plusSeconds(atSeconds), null);
  }

  @Test
  void medianOfTheGapsOnceThereAreFive() {
    BackupCadence cadence = new BackupCadence();
    List<TaskRow> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(success(i, "BACKUP_DB_DIFFERENTIAL", 3600L * i));
    }
    cadence.observe(rows, T0.plusSeconds(20_000), UnaryOperator.identity());
    assertThat(cadence.learned()).as("4 gaps").isEmpty();

    rows.add(success(5, "BACKUP_DB_DIFFERENTIAL", 3600L * 5 + 600)); // one late run
    rows.add(success(6, "BACKUP_DB", 100)); // another type learns separately
    cadence.observe(rows, T0.plusSeconds(30_000), UnaryOperator.identity());
    assertThat(cadence.learned()).containsOnlyKeys(ORDERS_DIFF).containsEntry(ORDERS_DIFF, 3600.0);
  }

  @Test
  void forgetsWhatRdsNoLongerKeepsAndIgnoresFailures() {
    BackupCadence cadence = new BackupCadence();
    List<TaskRow> rows = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      rows.add(success(i, "BACKUP_DB_DIFFERENTIAL", 3600L * i));
    }
    rows.add(
        Rows.row(99, "BACKUP_DB_DIFFERENTIAL", "Orders", "ERROR", 5, T0, T0.plusSeconds(100), "x"));
    cadence.observe(rows, T0.plusSeconds(30_000), UnaryOperator.identity());
    assertThat(cadence.learned()).containsEntry(ORDERS_DIFF, 3600.0);

    cadence.observe(
        List.of(),
        T0.plus(BackupCadence.HISTORY).plus(Duration.ofHours(4)),
        UnaryOperator.identity());
    assertThat(cadence.learned()).as("only 3 successes left within 36 days").isEmpty();
  }
}
