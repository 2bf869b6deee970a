package io.rdswatch.agent.config;

import io.rdswatch.agent.feature.ConfigException;
import io.rdswatch.agent.shard.ShardConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `agent --shard I/N --state-dir DIR`: what differs between agents that share one config file (the
 * shards of one host under the rdswatch@.service template, README "Running at scale"). The values
 * replace the file's before its checks run, so a file whose own stateDir this shard cannot write is
 * fine; each flag is checked by the same rules as its config key, and every problem is listed at
 * once.
 */
public final class CommandLineOverrides {

  private CommandLineOverrides() {}

  /**
   * @param shard the --shard value, or null to keep the config's
   * @param stateDir the --state-dir value, or null to keep the config's
   */
  public static AgentConfiguration load(Path file, String shard, String stateDir)
      throws ConfigException {
    List<String> flagErrors = new ArrayList<>();
    ShardConfig parsedShard = shard == null ? null : shard(shard, flagErrors);
    List<String> dirErrors =
        stateDir == null ? List.of() : ConfigValidator.stateDirProblems(stateDir);
    dirErrors.forEach(p -> flagErrors.add(p.replaceFirst("^stateDir:", "--state-dir:")));
    String usableDir = dirErrors.isEmpty() ? stateDir : null;
    AgentConfiguration config;
    try {
      config =
          ConfigLoader.load(
              file,
              c -> {
                if (parsedShard != null) {
                  c.withShard(parsedShard);
                }
                if (usableDir != null) {
                  c.withStateDir(Path.of(usableDir));
                }
                return c;
              });
    } catch (ConfigException e) {
      if (flagErrors.isEmpty()) {
        throw e;
      }
      List<String> all = new ArrayList<>(e.errors());
      all.addAll(flagErrors);
      throw new ConfigException(file.toString(), all);
    }
    if (!flagErrors.isEmpty()) {
      throw new ConfigException("the command line", flagErrors);
    }
    return config;
  }

  private static ShardConfig shard(String flag, List<String> errors) {
    try {
      ShardConfig parsed = ShardConfig.parse(flag);
      List<String> problems = parsed.problems("--shard");
      errors.addAll(problems);
      return problems.isEmpty() ? parsed : null;
    } catch (IllegalArgumentException e) {
      errors.add(e.getMessage());
      return null;
    }
  }
}
