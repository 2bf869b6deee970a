package io.rdswatch.agent.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.aws.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePasswordSourceTest {

  @TempDir Path dir;

  @Test
  void aPasswordFileOthersCanReadIsWarnedAboutWithoutItsContent() throws Exception {
    Path open = Files.writeString(dir.resolve("open.pw"), "Sup3r-Secret-Pw\n");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    Path closed = Files.writeString(dir.resolve("closed.pw"), "Sup3r-Secret-Pw\n");
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rw-------"));

    try (LogCapture logs = new LogCapture()) {
      assertThat(new FilePasswordSource(open).password()).isEqualTo("Sup3r-Secret-Pw");
      assertThat(new FilePasswordSource(closed).password()).isEqualTo("Sup3r-Secret-Pw");

      assertThat(logs.lines())
          .filteredOn(l -> l.contains("passwordFile"))
          .containsExactly(
              "WARN passwordFile '"
                  + open
                  + "' can be read by group or others (rw-r--r--); chmod 0600 it");
      assertThat(logs.lines()).noneMatch(l -> l.contains("Sup3r"));
    }
  }
}
