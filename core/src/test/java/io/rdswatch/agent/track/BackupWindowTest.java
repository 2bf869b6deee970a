package io.rdswatch.agent.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupWindowTest {

  @Test
  void containsIsStartInclusiveEndExclusive() {
    BackupWindow w = BackupWindow.parse("03:00-03:30");
    assertThat(w.contains(Instant.parse("2025-01-01T02:59:59Z"))).isFalse();
    assertThat(w.contains(Instant.parse("2025-01-01T03:00:00Z"))).isTrue();
    assertThat(w.contains(Instant.parse("2025-01-01T03:29:59Z"))).isTrue();
    assertThat(w.contains(Instant.parse("2025-01-01T03:30:00Z"))).isFalse();
    assertThat(w).hasToString("03:00-03:30");
  }

  @Test
  void aWindowMayWrapMidnight() {
    BackupWindow w = BackupWindow.parse(" 23:45-00:15 ");
    assertThat(w.contains(Instant.parse("2025-01-01T23:50:00Z"))).isTrue();
    assertThat(w.contains(Instant.parse("2025-01-02T00:10:00Z"))).isTrue();
    assertThat(w.contains(Instant.parse("2025-01-02T00:15:00Z"))).isFalse();
    assertThat(w.contains(Instant.parse("2025-01-01T12:00:00Z"))).isFalse();
  }

  @Test
  void badWindowsNameTheValueAndTheRule() {
    assertThatThrownBy(() -> BackupWindow.parse("3:00-3:30"))
        .hasMessage(
            "backup window '3:00-3:30' must look like HH:mm-HH:mm in UTC, e.g. 03:00-03:30");
    assertThatThrownBy(() -> BackupWindow.parse("25:00-03:30"))
        .hasMessage("backup window '25:00-03:30' has an invalid time (hours 00-23, minutes 00-59)");
    assertThatThrownBy(() -> BackupWindow.parse("03:00-03:00"))
        .hasMessage("backup window 03:00-03:00 is empty");
    assertThatThrownBy(() -> BackupWindow.parse(null))
        .hasMessageContaining("must look like HH:mm-HH:mm");
  }
}
