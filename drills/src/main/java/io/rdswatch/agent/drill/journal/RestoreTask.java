package io.rdswatch.agent.drill.journal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One rds_restore_database task a drill submitted, as last seen in rds_task_status.
 *
 * @param type "FULL" or "DIFFERENTIAL"
 * @param submittedAt when the agent called the procedure (agent clock)
 * @param startedAt when the agent first saw IN_PROGRESS (so queue wait = startedAt - submittedAt)
 * @param finishedAt when the agent first saw a terminal lifecycle
 * @param taskInfo the task's log, kept for the report
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RestoreTask(
    long taskId,
    String type,
    String lifecycle,
    int percentComplete,
    Instant submittedAt,
    Instant startedAt,
    Instant finishedAt,
    String taskInfo) {

  @JsonProperty
  public Double queueWaitSeconds() {
    return startedAt == null ? null : seconds(submittedAt, startedAt);
  }

  @JsonProperty
  public Double durationSeconds() {
    return startedAt == null || finishedAt == null ? null : seconds(startedAt, finishedAt);
  }

  static double seconds(Instant from, Instant to) {
    return java.time.Duration.between(from, to).toMillis() / 1000.0;
  }
}
