package io.rdswatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rdswatch.agent.feature.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One YAML per mistake under config/bad/, each with the exact messages a user sees. */
class BadConfigTest {

  private static final String LABEL_RULE =
      ": label names must match [a-zA-Z_][a-zA-Z0-9_]* and must not be a reserved name"
          + " (rds_instance, host, instance, job, __*)";

  /** Marks an expectation that only pins the start of the message. */
  private static final String ANY_REST = "...";

  private static final String INSTANCE_KEYS =
      "(known keys: backupWindow, crossRegionReplicas, drillPassword, drillPasswordFile, drillPasswordSecretArn,"
          + " drillUsername, host, jdbcProperties, labels, multiAz, name, password, passwordFile, passwordSecretArn, port,"
          + " readReplicaOf, tls, username)";

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        bad("port-out-of-range.yml", "instances[1].port: must be between 1 and 65535"),
        bad(
            "port-not-a-number.yml",
            "instances[0].port: cannot use 'fourteen33': expected a whole number"),
        bad("duplicate-name.yml", "instances[2].name: duplicate name 'orders-prod'"),
        bad(
            "two-passwords.yml",
            "instances[0]: exactly one of password, passwordFile, passwordSecretArn"),
        bad(
            "no-password.yml",
            "instances[0]: exactly one of password, passwordFile, passwordSecretArn"),
        bad(
            "password-file-missing.yml",
            "instances[0].passwordFile: cannot read '/nonexistent/rdswatch/a.pw'"),
        bad(
            "drill-login.yml",
            "instances[0]: drillPassword, drillPasswordFile, drillPasswordSecretArn need drillUsername",
            "instances[1]: exactly one of drillPassword, drillPasswordFile, drillPasswordSecretArn",
            "instances[2].drillPassword: must not be empty",
            "instances[2].drillUsername: must not be blank",
            "instances[3]: exactly one of drillPassword, drillPasswordFile, drillPasswordSecretArn",
            "instances[4].drillPasswordFile: cannot read '/nonexistent/rdswatch/e.pw'"),
        bad(
            "topology.yml",
            "instances[0].readReplicaOf: an instance cannot be a read replica of itself",
            "instances[1].readReplicaOf: 'not an id' is not an RDS instance identifier (1-63 letters, digits, '.', '_' or '-')",
            "instances[2].multiAz: cannot use 'perhaps': expected true or false"),
        bad("bad-backup-window.yml", "instances[0].backupWindow: must look like HH:mm-HH:mm"),
        bad("bad-label-name.yml", "instances[0].labels.team-x" + LABEL_RULE),
        bad(
            "reserved-label.yml",
            "instances[0].labels.job" + LABEL_RULE,
            "instances[0].labels.rds_instance" + LABEL_RULE),
        bad(
            "bad-instance-name.yml",
            "instances[0].name: must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit"),
        bad("missing-host.yml", "instances[0].host: must not be blank"),
        bad("no-instances.yml", "instances: list at least one instance"),
        bad(
            "jdbc-credentials.yml",
            "instances[0].jdbcProperties.password: is set by rdswatch (from username, password/passwordFile and poll.timeout)"),
        bad("unknown-key.yml", "instances[0].hots: unknown key " + INSTANCE_KEYS),
        // the root's key list grows with every section, so only its start is pinned here
        bad("unknown-section.yml", "polling: unknown key (known keys: admin, " + ANY_REST),
        bad(
            "server-section.yml",
            "server: not supported; rdswatch builds its server from http.bind, http.port and http.adminPort"),
        bad(
            "missing-env.yml",
            "line 5: ${RDSWATCH_TEST_SURELY_UNSET}: environment variable RDSWATCH_TEST_SURELY_UNSET is not set"),
        bad(
            "bad-duration.yml",
            "poll.interval: expected a duration such as 30s, 5m or 1h (Invalid duration: 60x. Wrong time unit)"),
        bad(
            "tls-errors.yml",
            "instances[0].tls.hostNameInCertificate: must not be blank (the RDS endpoint name the certificate carries)",
            "instances[0].tls.trustStore: required when instances[0].tls is set (a PKCS12 file with the RDS CA bundle)",
            "instances[0].tls.trustStorePasswordEnv: environment variable RDSWATCH_TEST_SURELY_UNSET_TLS is not set",
            "instances[1].tls: set trustStorePasswordFile or trustStorePasswordEnv, not both",
            "tls.trustStore: '/nonexistent/rdswatch/rds-truststore.p12' is not a readable file",
            "tls.trustStorePasswordFile: '/nonexistent/rdswatch/truststore.password' is not a readable file"),
        bad("timeout-not-shorter.yml", "poll.timeout: must be shorter than poll.interval"),
        bad(
            "full-read-too-often.yml",
            "poll.fullReadEvery: must be at least poll.interval (every poll is then a full read)"),
        bad("zero-concurrency.yml", "poll.concurrency: must be between 1 and 1024"),
        bad(
            "shard-index-out-of-range.yml",
            "shard.index: must be between 0 and count - 1 (2), got 3"),
        bad(
            "shard-count-zero.yml",
            "shard.count: must be between 1 and 1024, got 0",
            "shard.owner: unknown key (known keys: count, index)"),
        bad(
            "state-dir-is-a-file.yml",
            "stateDir: 'src/test/resources/config/bad/state-dir-is-a-file.yml' is not a writable directory"),
        bad(
            "http-security.yml",
            "http.allowedHosts[0]: must be a host name or address without scheme or port",
            "http.basicAuthUsers.'': user names must not be blank or contain ':'",
            "http.basicAuthUsers.prometheus: must be a bcrypt hash such as $2y$10$... (value not shown);"
                + " make one with: htpasswd -nbBC 10 '' PASSWORD | tr -d ':\\n'",
            "http.tls.certFile: cannot read '/nonexistent/rdswatch/cert.pem'",
            "http.tls.keyFile: required with http.tls"),
        bad(
            "http-tls-not-pem.yml",
            "http.tls.certFile: 'src/test/resources/config/bad/http-tls-not-pem.yml'"
                + " is not a PEM certificate chain (No certificate data found)"),
        bad(
            "bad-coverage.yml",
            "coverage.exclude[1]: 'tmp(' is not a regular expression (Unclosed group near index 4)",
            "coverage.exclude[2]: must not be empty",
            "coverage.grace: expected a duration such as 30s, 5m or 1h (Invalid duration: -1h)",
            "coverage.refresh: must be at least 1s"),
        bad("yaml-syntax.yml", "line 3, column 10: mapping values are not allowed here"),
        bad(
            "many-errors.yml",
            "http.port: must be between 0 and 65535",
            "instances[0]: exactly one of password, passwordFile, passwordSecretArn",
            "instances[1].colour: unknown key " + INSTANCE_KEYS,
            "instances[1].port: must be between 1 and 65535",
            "instances[2].backupWindow: must look like HH:mm-HH:mm",
            "instances[2].name: duplicate name 'orders-prod'",
            "poll.timeout: must be shorter than poll.interval"),
        bad(
            "wrong-types-and-more.yml",
            "cloudwatch.enabled: cannot use 'maybe': expected true or false",
            "cloudwatch.metrics[0]: expected text, not a list",
            "http.port: expected a whole number, not a list",
            "instances[0].port: cannot use 'fourteen33': expected a whole number",
            "instances[1].host: must not be blank",
            "instances[1].labels.job" + LABEL_RULE,
            "poll.concurrency: must be between 1 and 1024",
            "poll.interval: expected a duration such as 30s, 5m or 1h (Invalid duration: 60x. Wrong time unit)"));
  }

  private static Arguments bad(String file, String... errors) {
    return Arguments.of(file, List.of(errors));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void everyMistakeIsListedWithItsPathAndRule(String file, List<String> expected) {
    Path path = Path.of("src/test/resources/config/bad", file);

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(path));

    assertThat(e).as("%s must be rejected", file).isNotNull();
    assertThat(e.errors()).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      String want = expected.get(i);
      if (want.endsWith(ANY_REST)) {
        assertThat(e.errors().get(i))
            .startsWith(want.substring(0, want.length() - ANY_REST.length()));
      } else {
        assertThat(e.errors().get(i)).isEqualTo(want);
      }
    }
    assertThat(e.getMessage()).startsWith(path.toString()).contains("  * " + e.errors().get(0));
  }
}
