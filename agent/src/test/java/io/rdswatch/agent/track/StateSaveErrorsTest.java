package io.rdswatch.agent.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.AgentServer;
import io.rdswatch.agent.RdswatchApplication;
import io.rdswatch.agent.config.ConfigLoader;
import io.rdswatch.agent.drill.sim.DrillConfigFiles;
import io.rdswatch.agent.drill.sim.DrillSim;
import io.rdswatch.agent.drill.sim.SimTime;
import io.rdswatch.exporter.testsupport.Promtool;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stateDir the agent cannot write to shows on /metrics, not only in the log. */
class StateSaveErrorsTest {

  @TempDir Path dir;

  @Test
  void aFailedSaveIsCounted() throws Exception {
    try (DrillSim sim = new DrillSim(Instant.parse("2026-11-29T10:00:00Z"));
        AgentServer agent =
            AgentServer.start(
                new RdswatchApplication(SimTime.clock(sim.clock), false),
                ConfigLoader.load(DrillConfigFiles.write(dir, sim, "")))) {
      // Once the state is loaded, a non-empty directory where the state file goes: no rename can
      // replace it, not even as root.
      Path blocked = Files.createDirectories(dir.resolve("state").resolve("orders-prod.json"));
      Files.writeString(blocked.resolve("keep"), "x");
      agent.runtime().poller().pollOnce();

      HttpResponse<String> metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(agent.applicationUri().resolve("/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains(
              "# TYPE rdswatch_state_save_errors_total counter",
              "rdswatch_state_save_errors_total 1.0");
      Promtool.assertCleanMetrics(metrics.body());
    }
  }
}
