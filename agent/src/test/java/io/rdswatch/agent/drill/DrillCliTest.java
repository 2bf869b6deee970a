package io.rdswatch.agent.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.cli.Main;
import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.sim.DrillConfigFiles;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.drill.sim.SimTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `rdswatch drill ... --wait` and `rdswatch drill history` through the real CLI entry point. */
class DrillCliTest {

  @TempDir Path dir;
  DrillSim sim;
  Path config;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  PrintStream savedOut;
  PrintStream savedErr;

  @BeforeEach
  void start() throws Exception {
    savedOut = System.out;
    savedErr = System.err;
    sim = DrillSim.onWallClock();
    sim.backup("orders-prod", "Orders");
    config =
        DrillConfigFiles.write(
            dir,
            sim,
            """
        drills:
          followInterval: 20ms
          schedules:
            - name: weekly-orders
              cron: "0 4 * * SUN"
              instances: [orders-prod]
              databases: [Orders]
              checks:
                - checkdb: true
                - sql: "SELECT COUNT_BIG(*) FROM dbo.Orders"
                  expect: ">= 1000"
              rtoTarget: 2h
        """);
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setOut(savedOut);
    System.setErr(savedErr);
    if (sim != null) {
      sim.close();
    }
  }

  /** Runs the CLI while simulated time moves on, as it would against RDS. */
  int cli(String... args) throws Exception {
    try (AutoCloseable time = SimTime.flowing(sim.clock, Duration.ofSeconds(30))) {
      return Main.run(args);
    }
  }

  @Test
  void drillWaitRunsTheDrillShowsProgressAndExitsZeroOnSuccess() throws Exception {
    int code =
        cli(
            "drill",
            "--config",
            config.toString(),
            "--instance",
            "orders-prod",
            "--database",
            "Orders",
            "--wait");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            ": success",
            "checks    pass DBCC CHECKDB; pass SELECT COUNT_BIG(*) FROM dbo.Orders >= 1000 (got 1500)",
            "(target 2h00m, met)",
            "(dropped)");
    assertThat(err.toString())
        .contains(
            "preflight: checking orders-prod",
            "restore FULL task",
            "] 100% SUCCESS",
            "done: success");
    DrillRecord r = new DrillJournal(dir.resolve("state")).list().get(0);
    assertThat(r.plan().drill()).isEqualTo("weekly-orders");
    assertThat(r.plan().trigger()).isEqualTo("cli");
    assertThat(sim.databases("orders-prod")).noneMatch(n -> n.startsWith("rdswatch_drill_"));
  }

  @Test
  void drillWaitRefusesAStateDirItWouldLeaveUnusableAndJournalsArePrivate() throws Exception {
    assertThat(
            cli(
                "drill",
                "--config",
                config.toString(),
                "--instance",
                "orders-prod",
                "--database",
                "Orders",
                "--wait"))
        .isZero();
    Path drills = dir.resolve("state").resolve("drills");
    Path journal =
        Files.list(drills).filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(drills)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal)))
        .isEqualTo("rw-------");
    long me = ((Number) Files.getAttribute(dir, "unix:uid")).longValue();
    // as if the service (another user) wrote it and this CLI runs as someone else
    Files.setAttribute(journal, "unix:uid", (int) me + 4242);
    err.reset();

    int code =
        cli(
            "drill",
            "--config",
            config.toString(),
            "--instance",
            "orders-prod",
            "--database",
            "Orders",
            "--wait");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "rdswatch drill: stateDir: "
                + journal
                + " (uid "
                + (me + 4242)
                + ") not owned by uid "
                + me
                + " that runs rdswatch",
            "drill without --wait",
            "chown -R " + (me + 4242) + " " + dir.resolve("state"));
    assertThat(new DrillJournal(dir.resolve("state")).list()).hasSize(1);
  }

  @Test
  void aFailedDrillExitsNonZero() throws Exception {
    sim.instance("orders-prod").rds().corruptObjects(DrillSim.arn("Orders", "full"));

    int code =
        cli(
            "drill",
            "--config",
            config.toString(),
            "--instance",
            "orders-prod",
            "--database",
            "Orders",
            "--wait");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains(": verify_failed", "FAIL DBCC CHECKDB", "[checkdb_failed]");
  }

  @Test
  void historyPrintsTableJsonAndMarkdown() throws Exception {
    cli(
        "drill",
        "--config",
        config.toString(),
        "--instance",
        "orders-prod",
        "--database",
        "Orders",
        "--wait");
    cli(
        "drill",
        "--config",
        config.toString(),
        "--instance",
        "orders-prod",
        "--database",
        "Sales",
        "--wait");
    out.reset();

    assertThat(cli("drill", "history", "--config", config.toString())).isZero();
    // an agent started earlier in this JVM may have pointed logging at stdout; the CLI alone does
    // not
    String table =
        out.toString()
            .lines()
            .filter(l -> !l.matches("(INFO|WARN) +\\[.*"))
            .map(l -> l + "\n")
            .collect(java.util.stream.Collectors.joining());
    assertThat(table.lines().toList()).hasSize(3);
    assertThat(table.lines().findFirst().orElseThrow())
        .matches("STARTED \\(UTC\\) +INSTANCE +DATABASE +DRILL +STATUS +RTO +CHECKS +REASON");
    assertThat(table.lines().skip(1).findFirst().orElseThrow()).contains("Sales", "skipped");
    out.reset();

    assertThat(cli("drill", "history", "--config", config.toString(), "--format", "markdown"))
        .isZero();
    assertThat(out.toString())
        .startsWith("| STARTED (UTC) | INSTANCE |")
        .contains("|---|---|", "| success |");
    out.reset();

    assertThat(cli("drill", "history", "--config", config.toString(), "--format", "json")).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    assertThat(json).hasSize(2);
    assertThat(json.get(1).get("status").asText()).isEqualTo(DrillStatus.SUCCESS.label());
    assertThat(json.get(0).get("reasonCode").asText()).isEqualTo("no_backup");
  }

  @Test
  void badUsageIsAClearErrorWithExitTwo() throws Exception {
    assertThat(cli("drill", "--config", config.toString(), "--instance", "orders-prod"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--instance and --database are required");
    assertThat(
            cli(
                "drill",
                "--config",
                config.toString(),
                "--instance",
                "nope",
                "--database",
                "x",
                "--wait"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no instance named 'nope'");
    assertThat(cli("drill", "histroy", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown argument 'histroy'");
    assertThat(cli("drill", "history", "--config", config.toString(), "--format", "xml"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--format must be table, json or markdown, not 'xml'");
  }
}
