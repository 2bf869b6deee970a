package io.rdswatch.agent.track;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How databases are judged for backup coverage.
 *
 * @param grace a database younger than this (by create_date) is not yet expected to have a backup
 * @param exclude names matching any of these (whole name, case-insensitive) are not judged
 * @param scratchPrefix drill scratch databases start with this; they are left out entirely
 * @param refresh how often the catalog is read again (it changes slowly)
 */
public record CoverageSettings(
    Duration grace, List<Pattern> exclude, String scratchPrefix, Duration refresh) {

  public static final Duration DEFAULT_GRACE = Duration.ofHours(26);
  public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(5);
  public static final String DEFAULT_SCRATCH_PREFIX = "rdswatch_drill_";

  public static final CoverageSettings DEFAULTS =
      new CoverageSettings(DEFAULT_GRACE, List.of(), DEFAULT_SCRATCH_PREFIX, DEFAULT_REFRESH);

  public CoverageSettings {
    Objects.requireNonNull(grace, "grace");
    exclude = List.copyOf(exclude);
    Objects.requireNonNull(scratchPrefix, "scratchPrefix");
    Objects.requireNonNull(refresh, "refresh");
  }

  boolean isScratch(String database) {
    return database.toLowerCase(Locale.ROOT).startsWith(scratchPrefix.toLowerCase(Locale.ROOT));
  }

  boolean isExcluded(String database) {
    return exclude.stream().anyMatch(p -> p.matcher(database).matches());
  }
}
