package io.rdswatch.agent.poll;

import io.rdswatch.agent.sql.PollException;
import io.rdswatch.exporter.model.PollErrorKind;
import java.time.Duration;
import java.time.Instant;

/**
 * What the last polls of one instance did, for /api/instances and the health checks (the metrics
 * come from the tracker's snapshot). Immutable; replaced after each poll.
 *
 * @param lastPoll when the last poll started, or null before the first
 * @param lastSuccess when the last successful poll started, or null
 * @param tasksSeen tasks in the instance's history as of the last successful poll
 * @param lastError the last failure, or null if the last poll succeeded
 */
public record PollStatus(
    Instant lastPoll,
    Instant lastSuccess,
    Duration lastDuration,
    int tasksSeen,
    PollError lastError) {

  /** A failure as shown to users: its kind, a message without secrets, and when it happened. */
  public record PollError(PollErrorKind kind, String message, Instant at) {}

  static PollStatus never() {
    return new PollStatus(null, null, Duration.ZERO, 0, null);
  }

  PollStatus succeeded(Instant at, Duration took, int rows) {
    return new PollStatus(at, at, took, rows, null);
  }

  PollStatus failed(Instant at, Duration took, PollException e) {
    return new PollStatus(
        at, lastSuccess, took, tasksSeen, new PollError(e.kind(), e.getMessage(), at));
  }

  public boolean polled() {
    return lastPoll != null;
  }

  public boolean ok() {
    return polled() && lastError == null;
  }
}
