package io.rdswatch.agent.drill.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.rdswatch.agent.drill.cron.CronExpression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** One entry of `drills.schedules`. */
public final class DrillScheduleConfig {

  public static final String LATEST_FULL = "latest-full";

  /** Schedule names become the `drill` metric label and appear in file names. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

  @JsonProperty private String name;
  @JsonProperty private String cron;
  @JsonProperty private List<String> instances;
  @JsonProperty private Map<String, String> labelSelector;
  @JsonProperty private List<String> databases = new ArrayList<>(List.of("*"));
  @JsonProperty private String source = LATEST_FULL;
  @JsonProperty private String s3Arn;
  @JsonProperty private String kmsKeyArn;
  @JsonProperty private boolean includeDifferential = false;
  @JsonProperty private String targetInstance;

  @JsonProperty
  private List<DrillCheckConfig> checks = new ArrayList<>(List.of(DrillCheckConfig.checkdb()));

  @JsonProperty private Duration rtoTarget;

  public DrillScheduleConfig() {}

  /** For schedules built in code (tests, the demo). */
  public DrillScheduleConfig(
      String name, String cron, List<String> instances, List<String> databases) {
    this.name = name;
    this.cron = cron;
    this.instances = instances == null ? null : new ArrayList<>(instances);
    this.databases = new ArrayList<>(databases);
  }

  public String getName() {
    return name;
  }

  public String getCron() {
    return cron;
  }

  /** Parsed; only call after {@link #validate} passed. */
  public CronExpression cronExpression() {
    return CronExpression.parse(cron);
  }

  public List<String> getInstances() {
    return instances == null ? List.of() : List.copyOf(instances);
  }

  public Map<String, String> getLabelSelector() {
    return labelSelector == null ? Map.of() : Map.copyOf(labelSelector);
  }

  public boolean usesLabelSelector() {
    return labelSelector != null;
  }

  public List<String> getDatabases() {
    return databases == null ? List.of() : List.copyOf(databases);
  }

  public String getS3Arn() {
    return s3Arn;
  }

  public String getKmsKeyArn() {
    return kmsKeyArn;
  }

  public boolean isIncludeDifferential() {
    return includeDifferential;
  }

  public String getTargetInstance() {
    return targetInstance;
  }

  public List<DrillCheckConfig> getChecks() {
    return checks == null ? List.of() : List.copyOf(checks);
  }

  public java.time.Duration rtoTarget() {
    return rtoTarget == null ? null : rtoTarget.toJavaDuration();
  }

  public DrillScheduleConfig withChecks(List<DrillCheckConfig> checks) {
    this.checks = new ArrayList<>(checks);
    return this;
  }

  public DrillScheduleConfig withRtoTarget(java.time.Duration rto) {
    this.rtoTarget = Duration.milliseconds(rto.toMillis());
    return this;
  }

  public DrillScheduleConfig withTargetInstance(String target) {
    this.targetInstance = target;
    return this;
  }

  public DrillScheduleConfig withLabelSelector(Map<String, String> selector) {
    this.instances = null;
    this.labelSelector = new LinkedHashMap<>(selector);
    return this;
  }

  void validate(String path, List<String> errors) {
    String who = "schedule '" + name + "'";
    if (name == null || !NAME.matcher(name).matches()) {
      errors.add(
          path
              + ".name: must be 1-63 characters of A-Z a-z 0-9 _ . - starting with a letter or digit");
    }
    try {
      CronExpression.parse(cron);
    } catch (IllegalArgumentException e) {
      errors.add(path + ".cron: " + who + ": cron \"" + cron + "\" " + e.getMessage());
    }
    boolean hasList = instances != null;
    if (hasList == (labelSelector != null)) {
      errors.add(path + ": " + who + ": set exactly one of instances or labelSelector");
    } else if (hasList
        && (instances.isEmpty() || instances.stream().anyMatch(i -> i == null || i.isBlank()))) {
      errors.add(path + ".instances: must list at least one instance name, none blank");
    } else if (!hasList && labelSelector.isEmpty()) {
      errors.add(
          path
              + ".labelSelector: must have at least one label (an empty selector would pick every instance)");
    }
    if (databases == null
        || databases.isEmpty()
        || databases.stream().anyMatch(d -> d == null || d.isEmpty())) {
      errors.add(path + ".databases: must list \"*\", names or patterns, none empty");
    }
    validateSource(path, errors);
    if (targetInstance != null && targetInstance.isBlank()) {
      errors.add(path + ".targetInstance: must be an instance name or null (the source instance)");
    }
    List<DrillCheckConfig> list = checks == null ? List.of() : checks;
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        errors.add(path + ".checks[" + i + "]: must not be empty");
      } else {
        list.get(i).validate(path + ".checks[" + i + "]", errors);
      }
    }
    if (rtoTarget != null && rtoTarget.toMilliseconds() <= 0) {
      errors.add(path + ".rtoTarget: must be positive");
    }
  }

  private void validateSource(String path, List<String> errors) {
    if (s3Arn != null) {
      if (!s3Arn.startsWith("arn:aws") || !s3Arn.contains(":s3:")) {
        errors.add(path + ".s3Arn: must be an S3 object ARN like arn:aws:s3:::bucket/key.bak");
      }
      if (databases == null
          || databases.size() != 1
          || databases.get(0) == null
          || databases.get(0).contains("*")
          || databases.get(0).contains("?")) {
        errors.add(
            path
                + ".databases: with a fixed s3Arn, name exactly one database (the one it restores)");
      }
      if (includeDifferential) {
        errors.add(
            path
                + ".includeDifferential: needs source: latest-full (a fixed s3Arn has no differential)");
      }
    } else if (!LATEST_FULL.equals(source)) {
      errors.add(path + ".source: must be '" + LATEST_FULL + "' (or set s3Arn for a fixed backup)");
    }
    if (kmsKeyArn != null && s3Arn == null) {
      errors.add(
          path + ".kmsKeyArn: only with s3Arn; latest-full reads the key from the backup task");
    }
  }
}
