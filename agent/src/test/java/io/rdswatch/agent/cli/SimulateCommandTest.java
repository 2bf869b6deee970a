package io.rdswatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.beust.jcommander.JCommander;
import io.rdswatch.simulator.clock.ScaledClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private SimulateCommand command(String... args) {
    SimulateCommand cmd = new SimulateCommand();
    JCommander.newBuilder().addObject(cmd).build().parse(args);
    cmd.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    cmd.err = new PrintStream(err, true, StandardCharsets.UTF_8);
    return cmd;
  }

  /**
   * Runs {@code cmd} on its own thread until it prints that it is serving; its exit code goes to
   * {@code exit}.
   */
  private Thread serving(SimulateCommand cmd, AtomicInteger exit) {
    Thread t =
        new Thread(
            () -> {
              try {
                exit.set(cmd.run());
              } catch (Exception e) {
                exit.set(99);
              }
            });
    t.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> out.toString(StandardCharsets.UTF_8).contains("serving"));
    return t;
  }

  @Test
  void servesTheScenarioPrintsUrlsAndStopsCleanly() throws Exception {
    Path file = dir.resolve("fleet.yaml");
    Files.writeString(
        file, "instances:\n  - name: one\n    databases: [{name: Sales}]\n  - name: two\n");
    int port = freePortPair();
    SimulateCommand cmd =
        command(
            "--scenario",
            file.toString(),
            "--base-port",
            String.valueOf(port),
            "--speed",
            "60",
            "--user",
            "sre",
            "--password",
            "s3cret-value");
    AtomicInteger exit = new AtomicInteger(-1);
    Thread t = serving(cmd, exit);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("2 instance(s), simulated time x60", "login: user 'sre'")
        .doesNotContain("s3cret-value");
    Matcher m =
        Pattern.compile("one\\s+(jdbc:sqlserver://127\\.0\\.0\\.1:" + port + ";encrypt=false\\S*)")
            .matcher(printed);
    assertThat(m.find()).as(printed).isTrue();
    assertThat(printed).contains("jdbc:sqlserver://127.0.0.1:" + (port + 1) + ";");
    try (Connection c = DriverManager.getConnection(m.group(1), "sre", "s3cret-value");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM sys.databases WHERE name = N'Sales'")) {
      assertThat(rs.next()).isTrue();
    }
    assertThat(((ScaledClock) cmd.running.clock()).speed()).isEqualTo(60.0);
    cmd.stop.countDown();
    t.join(10_000);
    assertThat(exit.get()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .as("nothing on stderr while serving")
        .isEmpty();
  }

  @Test
  void withTlsDirItWritesTheCaAndServesVerifiedTls() throws Exception {
    Path tls = dir.resolve("tls");
    int port = freePortPair();
    SimulateCommand cmd =
        command(
            "--base-port", String.valueOf(port), "--instances", "1", "--tls-dir", tls.toString());
    AtomicInteger exit = new AtomicInteger(-1);
    Thread t = serving(cmd, exit);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains(
            "TLS: CA certificate "
                + tls.resolve("ca.pem")
                + ", trust store "
                + tls.resolve("truststore.p12")
                + " (password changeit)");
    assertThat(tls.resolve("ca.pem")).isRegularFile();
    Matcher m =
        Pattern.compile(
                "\\s(jdbc:sqlserver://127\\.0\\.0\\.1:"
                    + port
                    + ";encrypt=true;trustServerCertificate=false"
                    + ";trustStore=\\S+)")
            .matcher(printed);
    assertThat(m.find()).as(printed).isTrue();
    try (Connection c = DriverManager.getConnection(m.group(1), "admin", "admin")) {
      assertThat(c.isValid(5)).isTrue();
    } finally {
      cmd.stop.countDown();
      t.join(10_000);
    }
    assertThat(exit.get()).isZero();
  }

  @Test
  void aBadScenarioExitsNonZeroNamingTheField() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file, "instances:\n  - name: one\n    databases: [{name: Sales, size_mb: -5}]\n");
    assertThat(command("--scenario", file.toString()).run()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "rdswatch simulate: " + file + ": instances[0].databases[0]", "size_mb must be >= 1");
    assertThat(command("--scenario", dir.resolve("missing.yaml").toString()).run()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the scenario file");
  }

  @Test
  void aTakenPortExitsNonZeroNamingIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThat(command("--base-port", String.valueOf(port), "--instances", "1").run())
          .isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("port " + port + " is already in use", "choose another --base-port");
    }
  }

  @Test
  void defaultsAreTheDemoFleetOnPort14330WithAdminAdminInRealTime() {
    SimulateCommand cmd = command();
    assertThat(cmd.scenario).isNull();
    assertThat(cmd.instances).isNull();
    assertThat(cmd.basePort).isEqualTo(14330);
    assertThat(cmd.user).isEqualTo("admin");
    assertThat(cmd.password).isEqualTo("admin");
    assertThat(cmd.speed).isEqualTo(1.0);
  }

  @Test
  void isRegisteredInTheCli() {
    assertThat(Main.commands()).anyMatch(c -> c instanceof SimulateCommand);
    assertThat(Main.run("simulate", "--instances", "0")).isEqualTo(2);
  }

  /** Two consecutive free ports (best effort: bound then released). */
  private static int freePortPair() throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int p = a.getLocalPort();
        if (p < 65_535) {
          try (ServerSocket b = new ServerSocket(p + 1, 1, InetAddress.getLoopbackAddress())) {
            return p;
          } catch (java.io.IOException e) {
            // taken; try another
          }
        }
      }
    }
    throw new IllegalStateException("no two consecutive free ports");
  }
}
