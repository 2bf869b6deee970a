package io.rdswatch.exporter.model;

import java.time.LocalTime;
import java.time.ZoneOffset;

/** A UTC "HH:mm-HH:mm" window (may wrap midnight) as the classifier's context; blank for none. */
final class WindowForTest {
  private WindowForTest() {}

  static FailureContext of(String window) {
    if (window == null || window.isBlank()) {
      return FailureContext.NONE;
    }
    LocalTime start = LocalTime.parse(window.substring(0, 5));
    LocalTime end = LocalTime.parse(window.substring(6, 11));
    return FailureContext.window(
        at -> {
          LocalTime t = LocalTime.ofInstant(at, ZoneOffset.UTC);
          return start.isBefore(end)
              ? !t.isBefore(start) && t.isBefore(end)
              : !t.isBefore(start) || t.isBefore(end);
        });
  }
}
