package io.rdswatch.exporter.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RealTaskInfoSamplesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      2020-backup-wrong-region.log       | s3_wrong_region
      2020-restore-same-file-guids.log   | db_exists
      2025-multifile-automated-backup.log | backup_window_overlap
      """)
  void realSampleGetsItsReason(String file, String reason) throws IOException {
    assertThat(FailureClassifier.classify(fixture(file)).label()).isEqualTo(reason);
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = RealTaskInfoSamplesTest.class.getResourceAsStream("/task-info/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
