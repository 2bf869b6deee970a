package io.rdswatch.agent.track;

import static io.rdswatch.agent.track.Rows.T0;
import static io.rdswatch.agent.track.Rows.backup;
import static io.rdswatch.agent.track.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.exporter.model.BackupKey;
import io.rdswatch.exporter.model.BackupKind;
import io.rdswatch.exporter.model.PollErrorKind;
import io.rdswatch.exporter.model.TaskRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {

  private static final Duration POLL = Duration.ofMillis(10);

  @TempDir Path dir;

  private final SteppedClock clock = new SteppedClock(T0);

  private FileStateStore store() {
    return new FileStateStore(dir.resolve("state"), clock);
  }

  private TaskTracker tracker() {
    return new TaskTracker(
        Rows.target("orders-prod", "03:00-03:30"), Duration.ofMinutes(30), store(), clock);
  }

  /** A tracker that has counted one backup and one failure, saved to disk. */
  private InstanceState countedState() {
    TaskTracker t = tracker();
    t.pollSucceeded(
        List.of(backup(5, "orders", "IN_PROGRESS", 40, T0.minusSeconds(600), T0.minusSeconds(60))),
        POLL);
    clock.advance(Duration.ofMinutes(5));
    t.pollSucceeded(
        List.of(
            backup(5, "orders", "SUCCESS", 100, T0.minusSeconds(600), T0.plusSeconds(200)),
            row(6, "RESTORE_DB", "copy", "ERROR", 0, T0, T0.plusSeconds(250), "Access Denied"),
            backup(7, "orders", "IN_PROGRESS", 0, T0.plusSeconds(260), T0.plusSeconds(270))),
        POLL);
    t.pollFailed(PollErrorKind.LOGIN, POLL);
    return t.state();
  }

  private Path file() {
    return store().fileFor("orders-prod");
  }

  @Test
  void aSavedStateLoadsBackEqual() throws IOException {
    InstanceState saved = countedState();
    assertThat(store().load("orders-prod")).contains(saved);
    String json = Files.readString(file());
    assertThat(json).contains("\"formatVersion\" : 1").contains("\"instance\" : \"orders-prod\"");
    assertThat(saved.finishedCount()).isEqualTo(2);
    assertThat(saved.active()).containsOnlyKeys(7L);
    try (Stream<Path> files = Files.list(dir.resolve("state"))) {
      assertThat(files).containsExactly(file());
    }
  }

  @Test
  void aMissingFileIsAWarningAndAFreshStart() {
    try (LogCapture log = new LogCapture(FileStateStore.class)) {
      assertThat(store().load("orders-prod")).isEmpty();
      assertThat(log.lines())
          .singleElement()
          .asString()
          .startsWith(
              "WARN No state file "
                  + file()
                  + " for instance orders-prod (first start, or the file was lost)");
    }
  }

  @Test
  void aTornTempFileFromAKillMidSaveIsIgnoredAndRemoved() throws IOException {
    InstanceState saved = countedState();
    byte[] full = Files.readAllBytes(file());
    Path torn = file().resolveSibling(".orders-prod.json.4711.tmp");
    Files.write(torn, Arrays.copyOf(full, full.length / 2));
    TaskTracker restarted = tracker();
    assertThat(restarted.state()).isEqualTo(saved);
    assertThat(torn).doesNotExist();
  }

  @Test
  void aTruncatedFileIsMovedAsideAndRebuiltWithoutCountingHistoryAgain() throws IOException {
    countedState();
    byte[] full = Files.readAllBytes(file());
    Files.write(file(), Arrays.copyOf(full, full.length / 3));
    TaskTracker rebuilt;
    try (LogCapture log = new LogCapture(FileStateStore.class)) {
      rebuilt = tracker();
      assertThat(log.lines())
          .singleElement()
          .asString()
          .startsWith(
              "WARN State file " + file() + " for instance orders-prod is unusable (not valid JSON")
          .contains("moved it to " + file() + ".corrupt-20250310T120500Z")
          .contains("counters restart at 0");
    }
    assertThat(file().resolveSibling("orders-prod.json.corrupt-20250310T120500Z")).exists();
    assertThat(rebuilt.state()).isEqualTo(InstanceState.empty());
    List<TaskRow> history =
        List.of(
            backup(5, "orders", "SUCCESS", 100, T0.minusSeconds(600), T0.plusSeconds(200)),
            row(6, "RESTORE_DB", "copy", "ERROR", 0, T0, T0.plusSeconds(250), "Access Denied"));
    rebuilt.pollSucceeded(history, POLL);
    assertThat(rebuilt.snapshot().finished())
        .as("history is not replayed as new failures")
        .isEmpty();
    assertThat(rebuilt.snapshot().backupLastSuccess())
        .containsEntry(new BackupKey("orders", BackupKind.FULL), T0.plusSeconds(200));
  }

  @Test
  void everyKindOfDamageIsReportedByFieldAndNeverThrows() throws IOException {
    countedState();
    String good = Files.readString(file());
    List<List<String>> cases =
        List.of(
            List.of("", "the file is empty"),
            List.of("{\"formatVersion\": 1, \"instance\"", "not valid JSON"),
            List.of("[1, 2]", "not a JSON object"),
            List.of(
                good.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"),
                "formatVersion 2 is not the supported 1"),
            List.of(
                good.replace("\"instance\" : \"orders-prod\"", "\"instance\" : \"billing\""),
                "belongs to instance 'billing', not 'orders-prod'"),
            List.of(
                good.replaceFirst("\"count\" : 1", "\"count\" : -1"),
                "field 'finished[0].count' must be 0 or more"),
            List.of(
                good.replace("\"baselineTaken\" : true,", ""), "field 'baselineTaken' is missing"),
            List.of(
                good.replace("\"lifecycle\" : \"ERROR\"", "\"lifecycle\" : \"IN_PROGRESS\""),
                "field 'finished[0].lifecycle' must be a terminal lifecycle"),
            List.of(
                good.replace("\"reason\" : \"s3_access_denied\"", "\"reason\" : \"gremlins\""),
                "field 'failures[0].reason' must be a FailureReason name, not 'gremlins'"));
    for (List<String> c : cases) {
      Files.writeString(file(), c.get(0), StandardCharsets.UTF_8);
      try (LogCapture log = new LogCapture(FileStateStore.class)) {
        assertThat(store().load("orders-prod")).as(c.get(1)).isEmpty();
        assertThat(log.lines()).singleElement().asString().contains("is unusable (" + c.get(1));
      }
    }
  }

  @Test
  void unsafeInstanceNamesGetDistinctFileNames() {
    FileStateStore s = store();
    assertThat(s.fileFor("orders-prod").getFileName()).hasToString("orders-prod.json");
    assertThat(s.fileFor("a/b").getFileName().toString()).matches("a_b-[0-9a-f]{8}\\.json");
    assertThat(s.fileFor("a/b")).isNotEqualTo(s.fileFor("a_b")).isNotEqualTo(s.fileFor("a:b"));
    s.save("../escape", InstanceState.empty());
    assertThat(s.load("../escape")).contains(InstanceState.empty());
    assertThat(dir.resolve("escape.json")).doesNotExist();
  }
}
