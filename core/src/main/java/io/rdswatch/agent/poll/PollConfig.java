package io.rdswatch.agent.poll;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.Range;

/** The `poll` section: how often and how patiently each instance's rds_task_status is read. */
public final class PollConfig {

  @JsonProperty @NotNull private Duration interval = Duration.seconds(60);

  /** Bounds the login and the query of one poll; a slow instance never holds longer than this. */
  @JsonProperty @NotNull private Duration timeout = Duration.seconds(15);

  /** Polls running at once across the fleet. */
  @JsonProperty
  @Range(min = 1, max = 1024)
  private int concurrency = 16;

  /** An active task whose progress has not moved for this long counts as stalled. */
  @JsonProperty @NotNull private Duration stallAfter = Duration.minutes(30);

  /**
   * How often a poll reads the whole task history instead of only what changed, as a safety net
   * (and, while rds_fn_task_status is not readable, how often it is tried again).
   */
  @JsonProperty @NotNull private Duration fullReadEvery = Duration.hours(1);

  // Accessors answer null only while a config with a wrongly typed value is being checked.

  public java.time.Duration interval() {
    return interval == null ? null : interval.toJavaDuration();
  }

  public java.time.Duration timeout() {
    return timeout == null ? null : timeout.toJavaDuration();
  }

  public int concurrency() {
    return concurrency;
  }

  public java.time.Duration stallAfter() {
    return stallAfter == null ? null : stallAfter.toJavaDuration();
  }

  public java.time.Duration fullReadEvery() {
    return fullReadEvery == null ? null : fullReadEvery.toJavaDuration();
  }

  /** A copy with other timings, for the demo and tests. */
  public PollConfig with(java.time.Duration interval, java.time.Duration timeout) {
    PollConfig copy = new PollConfig();
    copy.interval = Duration.milliseconds(interval.toMillis());
    copy.timeout = Duration.milliseconds(timeout.toMillis());
    copy.concurrency = concurrency;
    copy.stallAfter = stallAfter;
    copy.fullReadEvery = fullReadEvery;
    return copy;
  }
}
