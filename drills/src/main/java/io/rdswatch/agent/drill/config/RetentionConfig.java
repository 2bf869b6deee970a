package io.rdswatch.agent.drill.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import java.util.List;

/**
 * `drills.retention`: how long drill journals stay in stateDir/drills. Older ones, and any beyond
 * maxCount, are deleted, except the latest result and the latest success of each database and
 * drill, unfinished drills, and drills whose scratch database was not dropped.
 */
public final class RetentionConfig {

  @JsonProperty private Duration maxAge = Duration.days(400);

  @JsonProperty private int maxCount = 5000;

  public RetentionConfig() {}

  public RetentionConfig(java.time.Duration maxAge, int maxCount) {
    this.maxAge = Duration.seconds(maxAge.toSeconds());
    this.maxCount = maxCount;
  }

  public java.time.Duration maxAge() {
    return maxAge.toJavaDuration();
  }

  public int maxCount() {
    return maxCount;
  }

  void validate(String path, List<String> errors) {
    if (maxAge == null || maxAge.toHours() < 1) {
      errors.add(path + ".maxAge: must be at least 1h");
    }
    if (maxCount < 10 || maxCount > 100_000) {
      errors.add(path + ".maxCount: must be between 10 and 100000");
    }
  }
}
