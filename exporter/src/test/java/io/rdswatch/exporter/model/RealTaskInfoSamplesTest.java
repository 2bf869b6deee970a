package io.rdswatch.exporter.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real task_info texts in src/test/resources/task-info, each with the reason it must get, as
 * is, with CRLF line ends, as one space-separated line, and with doubled blank lines (the shapes
 * copies of them come in).
 */
class RealTaskInfoSamplesTest {

  @ParameterizedTest(name = "{0} (window {1}) -> {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
      2017-backup-window-abort.log        | 00:00-00:30 | -                    | backup_window_overlap | [2017-08-05 00:09:08.180] Aborted the task because of a task failure or an overlap
      2017-backup-window-abort.log        | 03:00-03:30 | -                    | engine_error          | [2017-08-05 00:09:37.960] BACKUP DATABASE is terminating abnormally.
      2017-backup-window-abort.log        | -           | -                    | engine_error          | [2017-08-05 00:09:37.960] BACKUP DATABASE is terminating abnormally.
      2025-multifile-automated-backup.log | -           | -                    | backup_window_overlap | [2025-10-06 03:05:41.697] Aborting native backup because there is an RDS automated backup in progress.
      2025-multifile-automated-backup.log | 09:00-09:30 | -                    | backup_window_overlap | Aborting native backup because there is an RDS automated backup in progress.
      2020-backup-wrong-region.log        | -           | -                    | s3_wrong_region       | Please specify a bucket that is in the same region as RDS instance.
      2020-backup-wrong-region.log        | 00:00-00:30 | 2020-06-01T00:10:00Z | s3_wrong_region       | Please specify a bucket that is in the same region as RDS instance.
      2020-restore-same-file-guids.log    | -           | -                    | db_exists             | already an existing database with the same file_guids on the instance.
      """)
  void realSampleGetsItsReason(
      String file, String window, String lastUpdated, String reason, String evidence)
      throws IOException {
    String text = fixture(file);
    Instant updated = lastUpdated == null ? null : Instant.parse(lastUpdated);
    FailureContext context = WindowForTest.of(window);
    String crlf = text.replace("\n", "\r\n");
    String oneLine = text.replace("\n", " ");
    String doubled = text.replace("\n", "\n\n\n");

    for (String shape : new String[] {text, crlf, oneLine, doubled}) {
      Classification c = FailureClassifier.classify(shape, updated, context);
      assertThat(c.label()).as(shape).isEqualTo(reason);
      assertThat(c.evidence()).as(shape).contains(evidence);
    }
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = RealTaskInfoSamplesTest.class.getResourceAsStream("/task-info/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
