package io.rdswatch.exporter.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the classifier needs to know about the instance beside the log: whether a moment lies in its
 * automated backup window, and how the server's wall-clock times in task_info become instants.
 *
 * @param inBackupWindow true when the instance's automated backup window is open at the instant
 * @param serverTime turns a task_info timestamp (server-local wall clock) into an instant; the
 *     one place the instance's time zone applies to log entries
 */
public record FailureContext(Predicate<Instant> inBackupWindow, Function<LocalDateTime, Instant> serverTime) {

  /** No known backup window; server times read as UTC (RDS's default). */
  public static final FailureContext NONE = window(at -> false);

  public FailureContext {
    Objects.requireNonNull(inBackupWindow, "inBackupWindow");
    Objects.requireNonNull(serverTime, "serverTime");
  }

  /** A window check with server times read as UTC. */
  public static FailureContext window(Predicate<Instant> inBackupWindow) {
    return new FailureContext(inBackupWindow, FailureContext::utc);
  }

  public static Instant utc(LocalDateTime serverWallClock) {
    return serverWallClock.toInstant(ZoneOffset.UTC);
  }
}
