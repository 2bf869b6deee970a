package io.rdswatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `rdswatch agent` checks stateDir before it listens (README, Security: stateDir belongs to the
 * service): files another user left and folders others may write are named with the repair, all at
 * once, and the agent exits 2 instead of running on and failing every save.
 */
class AgentStateDirCheckTest {

  @TempDir Path dir;

  @Test
  void theAgentRefusesAStateDirItCouldNotKeepUsingAndSaysHowToRepairIt() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    Path drills = Files.createDirectories(state.resolve("drills"));
    Files.setPosixFilePermissions(drills, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path journal = Files.writeString(drills.resolve("20261129T040000Z-0000000a.json"), "{}");
    long me = ((Number) Files.getAttribute(state, "unix:uid")).longValue();
    // as if `rdswatch drill --wait` had run as another user
    Files.setAttribute(journal, "unix:uid", (int) me + 4242);
    Path config =
        Files.writeString(
            dir.resolve("config.yml"),
            """
        stateDir: %s
        http: { port: 0, adminPort: 0 }
        instances:
          - { name: a, host: 127.0.0.1, username: u, password: p }
        """
                .formatted(state));

    CliRun run = CliRun.of("agent", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "rdswatch agent: stateDir: "
                + journal
                + " (uid "
                + (me + 4242)
                + ") not owned by uid "
                + me,
            "chown -R " + (me + 4242) + " " + state,
            "rdswatch agent: stateDir: "
                + drills
                + " is writable by group or others; chmod 0700 "
                + drills);
    assertThat(run.out()).doesNotContain("metrics at");
  }
}
