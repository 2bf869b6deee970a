package io.rdswatch.agent.http;

import io.rdswatch.agent.poll.InstancePoller;
import io.rdswatch.agent.poll.PollStatus;
import io.rdswatch.exporter.model.InstanceSnapshot;
import java.time.Instant;

/**
 * One instance as /api/instances shows it. Times are ISO-8601 UTC strings (null before the first
 * poll); error messages come from {@link io.rdswatch.agent.sql.PollException}, which never holds a
 * password.
 */
public record InstanceView(
    String name,
    String host,
    int port,
    String origin,
    boolean up,
    String lastPoll,
    String lastPollSuccess,
    double lastPollDurationSeconds,
    ErrorView lastError,
    int tasksSeen,
    int activeTasks) {

  /** The last failure: kind is the rdswatch_poll_errors_total kind label. */
  public record ErrorView(String kind, String message, String at) {}

  static InstanceView of(InstancePoller instance) {
    InstanceSnapshot snapshot = instance.tracker().snapshot();
    PollStatus status = instance.status();
    PollStatus.PollError error = status.lastError();
    return new InstanceView(
        instance.name(),
        instance.target().host(),
        instance.target().port(),
        instance.target().origin(),
        snapshot.up(),
        iso(status.lastPoll()),
        iso(status.lastSuccess()),
        status.lastDuration().toNanos() / 1e9,
        error == null
            ? null
            : new ErrorView(error.kind().label(), error.message(), iso(error.at())),
        status.tasksSeen(),
        snapshot.activeTasks().size());
  }

  static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
