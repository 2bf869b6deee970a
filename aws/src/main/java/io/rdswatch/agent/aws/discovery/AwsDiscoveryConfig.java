package io.rdswatch.agent.aws.discovery;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.rdswatch.agent.aws.client.AwsConfigChecks;
import io.rdswatch.agent.aws.client.AwsLocation;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** `discovery.aws`: which regions to list, how often, which instances, and how to log in. */
public class AwsDiscoveryConfig {

  static final Duration MIN_REFRESH = Duration.seconds(30);

  @JsonProperty private List<String> regions = List.of();
  @JsonProperty private Duration refresh = Duration.minutes(5);
  @JsonProperty private Map<String, String> includeTags = new LinkedHashMap<>();
  @JsonProperty private Map<String, String> excludeTags = new LinkedHashMap<>();
  @JsonProperty private DiscoveryCredentials credentials = new DiscoveryCredentials();
  @JsonProperty private String endpoint;

  /** mssql-jdbc properties for every discovered instance (encrypt, trustServerCertificate...). */
  @JsonProperty private Map<String, String> jdbcProperties = new LinkedHashMap<>();

  /**
   * Read replicas are left out by default: logins do not reach them and their tasks are the
   * source's.
   */
  @JsonProperty private boolean includeReadReplicas;

  public List<String> getRegions() {
    return regions == null ? List.of() : List.copyOf(regions);
  }

  public Duration getRefresh() {
    return refresh;
  }

  public Map<String, String> getIncludeTags() {
    return includeTags == null ? Map.of() : Map.copyOf(includeTags);
  }

  public Map<String, String> getExcludeTags() {
    return excludeTags == null ? Map.of() : Map.copyOf(excludeTags);
  }

  public DiscoveryCredentials getCredentials() {
    return credentials;
  }

  public String getEndpoint() {
    return endpoint;
  }

  /** Overrides the top-level {@code tls} for discovered instances. */
  @JsonProperty private io.rdswatch.agent.instance.TlsConfig tls;

  public io.rdswatch.agent.instance.TlsConfig getTls() {
    return tls;
  }

  /** Sets the fleet-wide {@code tls} as this section's when it has none of its own. */
  public void inheritTls(io.rdswatch.agent.instance.TlsConfig fleet) {
    if (tls == null) {
      tls = fleet;
    }
  }

  /** For every discovered instance: the {@code tls} settings, then jdbcProperties over them. */
  public Map<String, String> getJdbcProperties() {
    if (tls != null) {
      return io.rdswatch.agent.instance.TlsConfig.merged(
          tls, jdbcProperties == null ? Map.of() : jdbcProperties, System::getenv);
    }
    return jdbcProperties == null ? Map.of() : Map.copyOf(jdbcProperties);
  }

  public boolean isIncludeReadReplicas() {
    return includeReadReplicas;
  }

  public AwsLocation location(String region) {
    return AwsLocation.of(region, endpoint, "discovery.aws");
  }

  public void validate(String path, List<String> errors) {
    if (regions == null || regions.isEmpty()) {
      errors.add(path + ".regions: must not be empty");
    } else {
      var seen = new HashSet<String>();
      for (int i = 0; i < regions.size(); i++) {
        String r = regions.get(i);
        if (!AwsConfigChecks.isRegion(r)) {
          errors.add(
              path + ".regions[" + i + "]: '" + r + "' is not an AWS region name (like eu-west-1)");
        } else if (!seen.add(r)) {
          errors.add(path + ".regions[" + i + "]: '" + r + "' is listed twice");
        }
      }
    }
    AwsConfigChecks.atLeast(path + ".refresh", refresh, MIN_REFRESH, errors);
    blankKeys(path + ".includeTags", includeTags, errors);
    blankKeys(path + ".excludeTags", excludeTags, errors);
    AwsConfigChecks.endpoint(path + ".endpoint", endpoint, errors);
    if (credentials == null) {
      errors.add(path + ".credentials: must be set (default and/or secretTag)");
    } else {
      credentials.validate(path + ".credentials", errors);
    }
  }

  private static void blankKeys(String path, Map<String, String> tags, List<String> errors) {
    if (tags == null) {
      return;
    }
    tags.forEach(
        (k, v) -> {
          if (k == null || k.isBlank()) {
            errors.add(path + ": tag keys must not be blank");
          } else if (v == null) {
            errors.add(path + "." + k + ": must have a value");
          }
        });
  }
}
