package io.rdswatch.agent.config;

import io.rdswatch.agent.feature.ConfigFacts;
import io.rdswatch.agent.instance.InstanceConfig;
import io.rdswatch.agent.poll.PollConfig;
import io.rdswatch.agent.track.BackupWindow;
import io.rdswatch.exporter.metrics.InstanceInfoCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules Bean Validation cannot say on one field: uniqueness, exactly-one-of, label names, the
 * backup window format, durations, and whether the files and folders named can be used. Each error
 * is "yaml.path: rule". The agent's own sections (poll, http, stateDir, instances, tls) are checked
 * here; every other section checks itself as a {@link io.rdswatch.agent.feature.ConfigSection}, the
 * module that owns it knowing its rules (README "Architecture").
 */
final class ConfigValidator {

  /**
   * RDS identifiers are 1-63 letters, digits and hyphens; '.' and '_' are allowed for static names.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /**
   * Connection properties rdswatch derives from other settings; overriding them would break
   * timeouts.
   */
  private static final Set<String> RDSWATCH_JDBC_KEYS =
      Set.of(
          "user",
          "username",
          "password",
          "servername",
          "portnumber",
          "logintimeout",
          "sockettimeout",
          "querytimeout",
          "applicationname");

  /** The keys that can supply an instance's password; exactly one must be set. */
  static final List<String> PASSWORD_KEYS =
      List.of("password", "passwordFile", "passwordSecretArn");

  /** The keys that can supply the drill login's password; exactly one when drillUsername is set. */
  static final List<String> DRILL_PASSWORD_KEYS =
      List.of("drillPassword", "drillPasswordFile", "drillPasswordSecretArn");

  private static final Duration MIN_DURATION = Duration.ofSeconds(1);

  private final List<String> errors = new ArrayList<>();

  /** With AWS discovery, an empty static list is fine. */
  private boolean discovering;

  static List<String> validate(AgentConfiguration config) {
    ConfigValidator v = new ConfigValidator();
    v.poll(config.getPoll());
    v.http(config.getHttp());
    v.stateDir(config.getStateDir());
    ConfigFacts facts = config.facts();
    v.discovering = facts.discovering();
    v.instances(config.getInstances());
    v.tls(config);
    config.sections().forEach((key, section) -> section.check(key, facts, v.errors));
    return v.errors;
  }

  /** The stateDir rules alone, for a folder given on the command line. */
  static List<String> stateDirProblems(String stateDir) {
    ConfigValidator v = new ConfigValidator();
    v.stateDir(stateDir);
    return v.errors;
  }

  private void tls(AgentConfiguration config) {
    if (config.getTls() != null) {
      config.getTls().validate("tls", System::getenv, errors);
    }
    List<InstanceConfig> instances =
        config.getInstances() == null ? List.of() : config.getInstances();
    for (int i = 0; i < instances.size(); i++) {
      if (instances.get(i) != null && instances.get(i).getTls() != null) {
        instances.get(i).getTls().validate("instances[" + i + "].tls", System::getenv, errors);
      }
    }
  }

  private void poll(PollConfig poll) {
    if (poll == null) {
      return;
    }
    atLeastOneSecond("poll.interval", poll.interval());
    atLeastOneSecond("poll.timeout", poll.timeout());
    atLeastOneSecond("poll.stallAfter", poll.stallAfter());
    if (poll.timeout() != null
        && poll.interval() != null
        && poll.timeout().compareTo(poll.interval()) >= 0) {
      errors.add("poll.timeout: must be shorter than poll.interval");
    }
    if (poll.fullReadEvery() != null
        && poll.interval() != null
        && poll.fullReadEvery().compareTo(poll.interval()) < 0) {
      errors.add(
          "poll.fullReadEvery: must be at least poll.interval (every poll is then a full read)");
    }
  }

  private void atLeastOneSecond(String path, Duration value) {
    if (value != null && value.compareTo(MIN_DURATION) < 0) {
      errors.add(path + ": must be at least 1s");
    }
  }

  private void http(HttpConfig http) {
    if (http != null && http.getPort() != 0 && http.getPort() == http.getAdminPort()) {
      errors.add("http.adminPort: must differ from http.port");
    }
    if (http != null) {
      http.validate("http", errors);
    }
  }

  private void stateDir(String stateDir) {
    if (stateDir == null || stateDir.isBlank()) {
      return;
    }
    Path dir = Path.of(stateDir).toAbsolutePath();
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
        errors.add("stateDir: '" + stateDir + "' is not a writable directory");
      }
      return;
    }
    Path ancestor = dir.getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor == null || !Files.isDirectory(ancestor) || !Files.isWritable(ancestor)) {
      errors.add(
          "stateDir: cannot create '"
              + stateDir
              + "': '"
              + ancestor
              + "' is not a writable directory");
    }
  }

  private void instances(List<InstanceConfig> instances) {
    if (instances == null) {
      return;
    }
    if (instances.isEmpty() && !discovering) {
      errors.add("instances: list at least one instance");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < instances.size(); i++) {
      InstanceConfig instance = instances.get(i);
      String at = "instances[" + i + "]";
      if (instance == null) {
        errors.add(at + ": must not be empty");
        continue;
      }
      name(at, instance.getName(), seen, i);
      password(at, instance);
      drillLogin(at, instance);
      topology(at, instance);
      backupWindow(at, instance.getBackupWindow());
      instance.getLabels().keySet().forEach(label -> label(at, label));
      instance.getJdbcProperties().keySet().stream()
          .filter(key -> RDSWATCH_JDBC_KEYS.contains(key.toLowerCase(Locale.ROOT)))
          .forEach(
              key ->
                  errors.add(
                      at
                          + ".jdbcProperties."
                          + key
                          + ": is set by rdswatch (from username, password/passwordFile and poll.timeout)"));
    }
  }

  private void name(String at, String name, Map<String, Integer> seen, int index) {
    if (name == null || name.isBlank()) {
      return;
    }
    if (!NAME.matcher(name).matches()) {
      errors.add(
          at
              + ".name: must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    // RDS identifiers are case-insensitive, and state files must not collide on any filesystem.
    if (seen.putIfAbsent(name.toLowerCase(Locale.ROOT), index) != null) {
      errors.add(at + ".name: duplicate name '" + name + "'");
    }
  }

  private void password(String at, InstanceConfig instance) {
    passwordSource(
        at,
        PASSWORD_KEYS,
        instance.getPassword(),
        instance.getPasswordFile(),
        instance.getPasswordSecretArn());
  }

  /** drillUsername and a drill password source come together, or not at all. */
  private void drillLogin(String at, InstanceConfig instance) {
    boolean anyPassword =
        instance.getDrillPassword() != null
            || instance.getDrillPasswordFile() != null
            || instance.getDrillPasswordSecretArn() != null;
    if (instance.getDrillUsername() == null) {
      if (anyPassword) {
        errors.add(at + ": " + String.join(", ", DRILL_PASSWORD_KEYS) + " need drillUsername");
      }
      return;
    }
    if (instance.getDrillUsername().isBlank()) {
      errors.add(at + ".drillUsername: must not be blank");
    }
    passwordSource(
        at,
        DRILL_PASSWORD_KEYS,
        instance.getDrillPassword(),
        instance.getDrillPasswordFile(),
        instance.getDrillPasswordSecretArn());
  }

  /**
   * Exactly one of a literal, a file and a secret ARN; keys names them in that order. The ARN's
   * form is the secrets feature's rule (its section checks it).
   */
  private void passwordSource(
      String at, List<String> keys, String literal, String file, String secretArn) {
    int given = (literal != null ? 1 : 0) + (file != null ? 1 : 0) + (secretArn != null ? 1 : 0);
    if (given != 1) {
      errors.add(at + ": exactly one of " + String.join(", ", keys));
      return;
    }
    if (literal != null && literal.isEmpty()) {
      errors.add(at + "." + keys.get(0) + ": must not be empty");
    }
    if (file != null && (!Files.isRegularFile(Path.of(file)) || !Files.isReadable(Path.of(file)))) {
      errors.add(at + "." + keys.get(1) + ": cannot read '" + file + "'");
    }
  }

  private void topology(String at, InstanceConfig instance) {
    String source = instance.getReadReplicaOf();
    if (source == null) {
      return;
    }
    if (!NAME.matcher(source).matches()) {
      errors.add(
          at
              + ".readReplicaOf: '"
              + source
              + "' is not an RDS instance identifier"
              + " (1-63 letters, digits, '.', '_' or '-')");
    } else if (source.equalsIgnoreCase(instance.getName())) {
      errors.add(at + ".readReplicaOf: an instance cannot be a read replica of itself");
    }
  }

  /** One parser for the window everywhere: config, overlap tracking and drill preflight. */
  private void backupWindow(String at, String window) {
    if (window == null) {
      return;
    }
    try {
      BackupWindow.parse(window);
    } catch (IllegalArgumentException e) {
      errors.add(at + ".backupWindow: must look like HH:mm-HH:mm");
    }
  }

  private void label(String at, String label) {
    if (!InstanceInfoCollector.isUsableLabel(label)) {
      errors.add(
          at
              + ".labels."
              + label
              + ": label names must match [a-zA-Z_][a-zA-Z0-9_]* and must not be a reserved name"
              + " (rds_instance, host, instance, job, __*)");
    }
  }
}
