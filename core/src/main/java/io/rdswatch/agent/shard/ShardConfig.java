package io.rdswatch.agent.shard;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdswatch.agent.feature.ConfigFacts;
import io.rdswatch.agent.feature.ConfigSection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The `shard` section: this agent owns the instances whose rendezvous hash picks {@code index}
 * among {@code count} shards (README "Running at scale"). The default, 0 of 1, owns every instance.
 */
public final class ShardConfig implements ConfigSection {

  @Override
  public void check(String path, ConfigFacts facts, List<String> errors) {
    errors.addAll(problems(path));
  }

  /** "1/3", or "1-of-3" where '/' cannot appear (a systemd template unit's instance name). */
  private static final Pattern FLAG = Pattern.compile("(\\d{1,4})(?:/|-of-)(\\d{1,4})");

  @JsonProperty private int index = 0;

  @JsonProperty private int count = 1;

  public ShardConfig() {}

  public ShardConfig(int index, int count) {
    this.index = index;
    this.count = count;
  }

  /** Parses `--shard i/n`; {@link #problems} checks the ranges. */
  public static ShardConfig parse(String flag) {
    Matcher m = FLAG.matcher(flag == null ? "" : flag.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "--shard: expected INDEX/COUNT such as 0/3 (or 0-of-3), got '" + flag + "'");
    }
    return new ShardConfig(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public int index() {
    return index;
  }

  public int count() {
    return count;
  }

  public boolean isSharded() {
    return count > 1;
  }

  /** What is wrong with index and count, as "path.key: rule" lines; empty when nothing is. */
  public List<String> problems(String path) {
    if (count < 1 || count > 1024) {
      return List.of(path + ".count: must be between 1 and 1024, got " + count);
    }
    if (index < 0 || index >= count) {
      return List.of(
          path + ".index: must be between 0 and count - 1 (" + (count - 1) + "), got " + index);
    }
    return List.of();
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
