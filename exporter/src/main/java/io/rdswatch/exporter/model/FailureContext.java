package io.rdswatch.exporter.model;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the classifier needs to know about the instance beside the log: whether a moment lies in its
 * automated backup window, and how the server's wall-clock times in task_info become instants.
 *
 * @param inBackupWindow true when the instance's automated backup window is open at the instant
 * @param serverTime the instance's offset as its last poll measured it: task_info stamps are
 *     server-local wall-clock times, converted like every other server time (README, "Time zones")
 */
public record FailureContext(Predicate<Instant> inBackupWindow, ServerTime serverTime) {

  /** No known backup window; server times read as UTC (RDS's default). */
  public static final FailureContext NONE = window(at -> false);

  public FailureContext {
    Objects.requireNonNull(inBackupWindow, "inBackupWindow");
    Objects.requireNonNull(serverTime, "serverTime");
  }

  /** A window check on a server in UTC. */
  public static FailureContext window(Predicate<Instant> inBackupWindow) {
    return new FailureContext(inBackupWindow, ServerTime.UTC);
  }
}
