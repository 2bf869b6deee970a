package io.rdswatch.agent.track;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.rdswatch.agent.feature.ConfigFacts;
import io.rdswatch.agent.feature.ConfigSection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The `coverage` section: which databases must have a native FULL backup (README, "Database
 * coverage"). Drill scratch databases (drills.scratchPrefix) are never judged.
 */
public final class CoverageConfig implements ConfigSection {

  @Override
  public void check(String path, ConfigFacts facts, List<String> errors) {
    validate(path, errors);
  }

  /** A database younger than this is not expected to have a backup yet. */
  @JsonProperty private Duration grace = Duration.hours(26);

  /** Regular expressions; a database whose whole name matches one (ignoring case) is not judged. */
  @JsonProperty private List<String> exclude = new ArrayList<>();

  /** How often each instance's sys.databases is read again. */
  @JsonProperty private Duration refresh = Duration.minutes(5);

  public CoverageConfig with(java.time.Duration refresh, List<String> exclude) {
    CoverageConfig copy = new CoverageConfig();
    copy.grace = grace;
    copy.exclude = new ArrayList<>(exclude);
    copy.refresh = Duration.milliseconds(refresh.toMillis());
    return copy;
  }

  /** Adds each rule this section breaks to {@code errors}, paths prefixed with {@code path}. */
  public void validate(String path, List<String> errors) {
    if (grace == null || grace.toJavaDuration().isNegative()) {
      errors.add(path + ".grace: must be a duration of 0s or more, such as 26h");
    }
    if (refresh == null
        || refresh.toJavaDuration().compareTo(java.time.Duration.ofSeconds(1)) < 0) {
      errors.add(path + ".refresh: must be at least 1s");
    }
    if (exclude == null) {
      errors.add(path + ".exclude: must be a list of regular expressions");
      return;
    }
    for (int i = 0; i < exclude.size(); i++) {
      String pattern = exclude.get(i);
      if (pattern == null || pattern.isEmpty()) {
        errors.add(path + ".exclude[" + i + "]: must not be empty");
        continue;
      }
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        errors.add(
            path
                + ".exclude["
                + i
                + "]: '"
                + pattern
                + "' is not a regular expression ("
                + e.getDescription()
                + " near index "
                + e.getIndex()
                + ")");
      }
    }
  }

  /** The settings the trackers use; call after {@link #validate} passed. */
  public CoverageSettings settings(String scratchPrefix) {
    List<Pattern> patterns =
        exclude.stream()
            .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList();
    return new CoverageSettings(
        grace.toJavaDuration(), patterns, scratchPrefix, refresh.toJavaDuration());
  }
}
