package io.rdswatch.agent.aws.cloudwatch;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.rdswatch.agent.aws.client.AwsConfigChecks;
import io.rdswatch.agent.aws.client.AwsLocation;
import io.rdswatch.agent.feature.ConfigFacts;
import io.rdswatch.agent.feature.ConfigSection;
import io.rdswatch.exporter.cloudwatch.CloudWatchMetric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The `cloudwatch:` section. Absent or `enabled: false` means nothing is published. */
public class CloudWatchConfig implements ConfigSection {

  @Override
  public void check(String path, ConfigFacts facts, List<String> errors) {
    validate(path, errors);
  }

  private static final List<String> KNOWN_METRICS =
      Arrays.stream(CloudWatchMetric.values()).map(CloudWatchMetric::metricName).toList();

  static final Duration MIN_INTERVAL = Duration.seconds(10);

  /** One full PutMetricData request: a smaller buffer could never send a full batch. */
  static final int MIN_BUFFER = 1000;

  // CloudWatch's own rule for namespaces (PutMetricData API reference).
  private static final Pattern NAMESPACE = Pattern.compile("[0-9A-Za-z.\\-_/#:]{1,255}");

  @JsonProperty private boolean enabled = false;
  @JsonProperty private String namespace = "RDSWatch";
  @JsonProperty private String region;
  @JsonProperty private Duration interval = Duration.seconds(60);
  @JsonProperty private String endpoint;
  @JsonProperty private List<String> metrics = new ArrayList<>(KNOWN_METRICS);

  /** Datums held between failed attempts; the oldest are dropped beyond this. */
  @JsonProperty private int bufferSize = 20_000;

  public boolean isEnabled() {
    return enabled;
  }

  public String getNamespace() {
    return namespace;
  }

  public String getRegion() {
    return region;
  }

  public Duration getInterval() {
    return interval;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public List<String> getMetrics() {
    return metrics == null ? List.of() : List.copyOf(metrics);
  }

  /** The configured metrics; call after {@link #validate} passed. */
  public Set<CloudWatchMetric> metricSet() {
    Set<CloudWatchMetric> set = EnumSet.noneOf(CloudWatchMetric.class);
    getMetrics().forEach(m -> set.add(CloudWatchMetric.parse(m)));
    return set;
  }

  public int getBufferSize() {
    return bufferSize;
  }

  public AwsLocation location() {
    return AwsLocation.of(region, endpoint, "cloudwatch");
  }

  /**
   * Adds "path.field: rule" for every problem; checks even when disabled, so typos surface early.
   */
  public void validate(String path, List<String> errors) {
    if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
      errors.add(path + ".namespace: must be 1-255 characters of A-Z a-z 0-9 . - _ / # :");
    } else if (namespace.startsWith("AWS/")) {
      errors.add(path + ".namespace: must not start with 'AWS/' (reserved for AWS services)");
    }
    AwsConfigChecks.region(path + ".region", region, errors);
    AwsConfigChecks.atLeast(path + ".interval", interval, MIN_INTERVAL, errors);
    AwsConfigChecks.endpoint(path + ".endpoint", endpoint, errors);
    if (bufferSize < MIN_BUFFER) {
      errors.add(path + ".bufferSize: must be at least " + MIN_BUFFER);
    }
    validateMetrics(path + ".metrics", errors);
  }

  private void validateMetrics(String path, List<String> errors) {
    if (metrics == null) {
      errors.add(path + ": must be a list (use [] to publish nothing)");
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < metrics.size(); i++) {
      String m = metrics.get(i);
      if (!KNOWN_METRICS.contains(m)) {
        errors.add(
            path
                + "["
                + i
                + "]: unknown metric '"
                + m
                + "' (known: "
                + CloudWatchMetric.names()
                + ")");
      } else if (!seen.add(m)) {
        errors.add(path + "[" + i + "]: '" + m + "' is listed twice");
      }
    }
  }
}
