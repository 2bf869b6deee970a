package io.rdswatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.simulator.scenario.Scenario;
import io.rdswatch.simulator.tds.ServerTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production connection path: encrypt=true and trustServerCertificate=false (rdswatch's
 * defaults) against a simulator that speaks TLS with its own CA. Each way it goes wrong is a
 * `connect` error whose text names the cause and the fix.
 */
class TlsConnectE2eTest {
  private static final String SCENARIO =
      """
      seed: 3
      history: 1d
      instances:
        - name: tls-a
          databases: [{name: Sales, size_mb: 1024}]
          buckets: [{name: backups, region: us-east-1}]
          schedule: [{type: FULL, every: 24h, at: "start-30m", databases: [Sales], bucket: backups}]
        - name: tls-b
          force_ssl: true
      """;

  @TempDir static Path dir;
  private static SimulatedFleet fleet;

  @BeforeAll
  static void start() throws Exception {
    fleet = SimulatedFleet.start(Scenario.parse(SCENARIO));
  }

  @AfterAll
  static void stop() {
    fleet.close();
  }

  @Test
  void checkPollsEveryInstanceOverVerifiedTls() throws Exception {
    Path config =
        fleet.writeConfig(
            Files.createDirectories(dir.resolve("good")),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5));
    assertThat(Files.readString(config))
        .contains("tls:", "trustStore: " + fleet.simulator.trustFiles().trustStore())
        .doesNotContain("encrypt", "trustServerCertificate", ServerTls.TRUST_STORE_PASSWORD);

    CliRun run = CliRun.of("check", "--config", config.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("all 2 instance(s) ok");
  }

  @Test
  void anUntrustedCertificateIsAConnectErrorThatSaysWhatToDo() throws Exception {
    Path other = ServerTls.generate("not the RDS CA").writeTo(dir.resolve("other-ca")).trustStore();
    Path config =
        config(
            "untrusted.yml",
            "tls: {trustStore: "
                + other
                + ", trustStorePasswordFile: "
                + fleet.simulator.trustFiles().passwordFile()
                + "}\n",
            "");

    CliRun run = CliRun.of("check", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(line(run.out(), "a"))
        .contains(
            "connect: the server's certificate is not trusted: add the RDS CA "
                + "bundle to a trust store and set tls.trustStore to it, see README 'Connecting with TLS'");
  }

  @Test
  void aCertificateForAnotherNameIsAConnectErrorThatSaysWhatToDo() throws Exception {
    Path config =
        config(
            "mismatch.yml",
            fleetTls(),
            "    tls: {trustStore: "
                + fleet.simulator.trustFiles().trustStore()
                + ", trustStorePasswordEnv: RDSWATCH_TEST_NEVER_SET_XYZ, hostNameInCertificate: db.example.com}\n");
    CliRun invalid = CliRun.of("check", "--config", config.toString());
    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.err())
        .contains(
            "instances[0].tls.trustStorePasswordEnv: environment variable "
                + "RDSWATCH_TEST_NEVER_SET_XYZ is not set");

    config =
        config(
            "mismatch2.yml",
            fleetTls(),
            "    tls: {trustStore: "
                + fleet.simulator.trustFiles().trustStore()
                + ", trustStorePasswordFile: "
                + fleet.simulator.trustFiles().passwordFile()
                + ", hostNameInCertificate: db.example.com}\n");
    CliRun run = CliRun.of("check", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(line(run.out(), "a"))
        .contains(
            "connect: the server's certificate does not carry the name "
                + "'db.example.com': connect to the RDS endpoint name, or set tls.hostNameInCertificate to it when a CNAME "
                + "is in front, see README 'Connecting with TLS'");
    assertThat(line(run.out(), "b")).contains(" ok ");
  }

  @Test
  void aServerWithoutTlsIsAConnectErrorThatSaysWhatToDo() throws Exception {
    try (SimulatedFleet plain = SimulatedFleet.plain(Scenario.blank("no-tls"))) {
      Path config = dir.resolve("plain.yml");
      Files.writeString(
          config,
          "poll: { interval: 10s, timeout: 5s }\nstateDir: "
              + dir.resolve("state-plain")
              + "\ninstances:\n  - {name: p, host: 127.0.0.1, port: "
              + plain.instance("no-tls").port()
              + ", username: admin, password: admin}\n");

      CliRun run = CliRun.of("check", "--config", config.toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(line(run.out(), "p"))
          .contains("connect: the server does not offer TLS but encrypt=true requires " + "it");
    }
  }

  private static String fleetTls() {
    return "tls: {trustStore: "
        + fleet.simulator.trustFiles().trustStore()
        + ", trustStorePasswordFile: "
        + fleet.simulator.trustFiles().passwordFile()
        + "}\n";
  }

  /**
   * Instance "a" is tls-a with {@code instanceTls} lines, "b" is the forced tls-b with the fleet's
   * settings.
   */
  private static Path config(String file, String fleetTls, String instanceTls) throws Exception {
    Path path = dir.resolve(file);
    Files.writeString(
        path,
        "poll: { interval: 10s, timeout: 5s }\nstateDir: "
            + dir.resolve("state-" + file)
            + "\n"
            + fleetTls
            + "instances:\n"
            + "  - name: a\n    host: localhost\n    port: "
            + fleet.instance("tls-a").port()
            + "\n    username: admin\n    password: admin\n"
            + instanceTls
            + "  - name: b\n    host: localhost\n    port: "
            + fleet.instance("tls-b").port()
            + "\n    username: admin\n    password: admin\n");
    return path;
  }

  private static String line(String output, String startingWith) {
    return output
        .lines()
        .filter(l -> l.startsWith(startingWith + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + startingWith + " in:\n" + output));
  }
}
