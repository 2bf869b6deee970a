package io.rdswatch.agent.track;

import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.exporter.model.FailureContext;
import io.rdswatch.exporter.model.ServerTime;

/**
 * The failure classifier's view of an instance: its automated backup window (configured
 * backupWindow or discovered PreferredBackupWindow, UTC as RDS shows it), and the server offset
 * that turns task_info's server-local stamps into instants (README, "Time zones").
 */
public final class FailureContexts {

  private FailureContexts() {}

  /**
   * @param window null for none
   * @param serverTime the offset the instance's server reported at the read whose rows are
   *     classified
   */
  public static FailureContext of(BackupWindow window, ServerTime serverTime) {
    return new FailureContext(window == null ? at -> false : window::contains, serverTime);
  }

  /** A malformed window (already reported by config validation or the tracker) counts as none. */
  public static FailureContext of(InstanceTarget target, ServerTime serverTime) {
    String window = target.backupWindow();
    if (window == null || window.isBlank()) {
      return of((BackupWindow) null, serverTime);
    }
    try {
      return of(BackupWindow.parse(window), serverTime);
    } catch (IllegalArgumentException e) {
      return of((BackupWindow) null, serverTime);
    }
  }
}
