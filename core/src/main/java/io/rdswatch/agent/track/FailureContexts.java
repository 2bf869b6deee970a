package io.rdswatch.agent.track;

import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.exporter.model.FailureContext;

/**
 * The failure classifier's view of an instance: its automated backup window (configured
 * backupWindow or discovered PreferredBackupWindow), with task_info times read as UTC.
 */
public final class FailureContexts {

  private FailureContexts() {}

  /** @param window null for none */
  public static FailureContext of(BackupWindow window) {
    return window == null ? FailureContext.NONE : FailureContext.window(window::contains);
  }

  /** A malformed window (already reported by config validation or the tracker) counts as none. */
  public static FailureContext of(InstanceTarget target) {
    String window = target.backupWindow();
    if (window == null || window.isBlank()) {
      return FailureContext.NONE;
    }
    try {
      return of(BackupWindow.parse(window));
    } catch (IllegalArgumentException e) {
      return FailureContext.NONE;
    }
  }
}
