package io.rdswatch.agent.drill.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.rdswatch.agent.feature.ConfigFacts;
import io.rdswatch.agent.feature.ConfigSection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The `drills` section: restore-verification drills and their schedules. */
public final class DrillsConfig implements ConfigSection {

  /**
   * The section's own rules; while the file alone decides the instances, its schedules must name
   * them.
   */
  @Override
  public void check(String path, ConfigFacts facts, List<String> errors) {
    validate(path, errors);
    facts.knownInstanceNames().ifPresent(known -> validateInstanceNames(path, known, errors));
  }

  /** Leaves room in a 127-character name for a database name and the 20-character suffix. */
  static final int MAX_PREFIX = 64;

  /** A prefix like "tmp" or "Test" would claim user databases as scratch in the orphan report. */
  static final int MIN_PREFIX = 6;

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]+");

  @JsonProperty private String scratchPrefix = "rdswatch_drill_";

  /** The whole drill; the restore task is cancelled past it. */
  @JsonProperty private Duration timeout = Duration.hours(6);

  @JsonProperty private int maxDatabasesPerInstance = 100;

  /** Keep the scratch database of a failed drill for inspection instead of dropping it. */
  @JsonProperty private boolean keepOnFailure = false;

  /** Allocated size of the source times this must fit into the target volume's free space. */
  @JsonProperty private double spaceSafetyFactor = 1.5;

  /** How often the restore task's status is read while it runs (RDS refreshes it every ~2 min). */
  @JsonProperty private Duration followInterval = Duration.seconds(30);

  /** Drills running at once across all targets (each target runs one at a time). */
  @JsonProperty private int concurrency = 4;

  @JsonProperty private List<DrillScheduleConfig> schedules = new ArrayList<>();

  @JsonProperty private RetentionConfig retention = new RetentionConfig();

  /**
   * Bound on one orphan scan of every drill target; what is not reached by then waits for the next.
   */
  @JsonProperty private Duration orphanScanTimeout = Duration.minutes(2);

  /** The orphan scan runs every 10 minutes; a bound past that would let scans pile up. */
  static final java.time.Duration MAX_ORPHAN_SCAN = java.time.Duration.ofMinutes(10);

  public String getScratchPrefix() {
    return scratchPrefix;
  }

  public java.time.Duration timeout() {
    return timeout.toJavaDuration();
  }

  public int getMaxDatabasesPerInstance() {
    return maxDatabasesPerInstance;
  }

  public boolean isKeepOnFailure() {
    return keepOnFailure;
  }

  public double getSpaceSafetyFactor() {
    return spaceSafetyFactor;
  }

  public java.time.Duration followInterval() {
    return followInterval.toJavaDuration();
  }

  public int getConcurrency() {
    return concurrency;
  }

  public RetentionConfig getRetention() {
    return retention == null ? new RetentionConfig() : retention;
  }

  public DrillsConfig withRetention(RetentionConfig retention) {
    this.retention = retention;
    return this;
  }

  public java.time.Duration orphanScanTimeout() {
    return orphanScanTimeout.toJavaDuration();
  }

  public DrillsConfig withOrphanScanTimeout(java.time.Duration bound) {
    this.orphanScanTimeout = Duration.milliseconds(bound.toMillis());
    return this;
  }

  public List<DrillScheduleConfig> getSchedules() {
    return schedules == null ? List.of() : List.copyOf(schedules);
  }

  public DrillsConfig withSchedules(List<DrillScheduleConfig> schedules) {
    this.schedules = new ArrayList<>(schedules);
    return this;
  }

  /** Adds "path.field: rule" for every problem, all at once. */
  public void validate(String path, List<String> errors) {
    if (scratchPrefix == null || scratchPrefix.isEmpty()) {
      errors.add(
          path + ".scratchPrefix: must not be empty (it is what marks a database as a drill's)");
    } else if (!PREFIX.matcher(scratchPrefix).matches()) {
      errors.add(path + ".scratchPrefix: '" + scratchPrefix + "' must be only A-Z a-z 0-9 _");
    } else if (scratchPrefix.length() > MAX_PREFIX) {
      errors.add(path + ".scratchPrefix: must be at most " + MAX_PREFIX + " characters");
    } else if (scratchPrefix.length() < MIN_PREFIX || scratchPrefix.indexOf('_') < 0) {
      errors.add(
          path
              + ".scratchPrefix: '"
              + scratchPrefix
              + "' must be at least "
              + MIN_PREFIX
              + " characters and contain '_', so scratch databases stand apart from user databases");
    }
    getRetention().validate(path + ".retention", errors);
    positive(path + ".timeout", timeout, errors);
    positive(path + ".followInterval", followInterval, errors);
    if (orphanScanTimeout == null
        || orphanScanTimeout.toSeconds() < 1
        || orphanScanTimeout.toJavaDuration().compareTo(MAX_ORPHAN_SCAN) > 0) {
      errors.add(
          path + ".orphanScanTimeout: must be between 1s and 10m (the scan runs every 10 minutes)");
    }
    if (maxDatabasesPerInstance < 1) {
      errors.add(path + ".maxDatabasesPerInstance: must be at least 1");
    }
    if (!(spaceSafetyFactor >= 1.0) || Double.isInfinite(spaceSafetyFactor)) {
      errors.add(path + ".spaceSafetyFactor: must be a number of at least 1.0");
    }
    if (concurrency < 1 || concurrency > 64) {
      errors.add(path + ".concurrency: must be between 1 and 64");
    }
    List<DrillScheduleConfig> list = schedules == null ? List.of() : schedules;
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String p = path + ".schedules[" + i + "]";
      DrillScheduleConfig s = list.get(i);
      if (s == null) {
        errors.add(p + ": must not be empty");
        continue;
      }
      s.validate(p, errors);
      if (s.getName() != null && !names.add(s.getName())) {
        errors.add(p + ".name: '" + s.getName() + "' is used by an earlier schedule");
      }
    }
  }

  /**
   * Schedules that name instances (or a target) the static config does not have. Call only when no
   * discovery is configured: discovered instances appear at run time.
   */
  public void validateInstanceNames(String path, Set<String> known, List<String> errors) {
    List<DrillScheduleConfig> list = getSchedules();
    for (int i = 0; i < list.size(); i++) {
      DrillScheduleConfig s = list.get(i);
      List<String> named = s.getInstances();
      for (int j = 0; j < named.size(); j++) {
        if (named.get(j) != null && !known.contains(named.get(j))) {
          errors.add(
              path
                  + ".schedules["
                  + i
                  + "].instances["
                  + j
                  + "]: no instance named '"
                  + named.get(j)
                  + "'");
        }
      }
      if (s.getTargetInstance() != null
          && !s.getTargetInstance().isBlank()
          && !known.contains(s.getTargetInstance())) {
        errors.add(
            path
                + ".schedules["
                + i
                + "].targetInstance: no instance named '"
                + s.getTargetInstance()
                + "'");
      }
    }
  }

  private static void positive(String path, Duration d, List<String> errors) {
    if (d == null) {
      errors.add(path + ": must be set");
    } else if (d.toMilliseconds() <= 0) {
      errors.add(path + ": must be positive");
    }
  }
}
