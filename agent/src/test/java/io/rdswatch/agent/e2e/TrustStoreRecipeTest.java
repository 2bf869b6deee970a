package io.rdswatch.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.simulator.scenario.Scenario;
import io.rdswatch.simulator.tds.ServerTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Connecting with TLS" recipe, run as written: a bundle of several CAs (the
 * simulator's among them, as an RDS region's CA is among global-bundle.pem's) is split and imported
 * into one PKCS12 trust store, and `rdswatch check` then connects with certificates verified.
 */
class TrustStoreRecipeTest {
  private static final Pattern SCRIPT =
      Pattern.compile("<!-- truststore-script -->\\s*```sh\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void theReadmeLoopBuildsATrustStoreThatCheckAccepts() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    Matcher m = SCRIPT.matcher(readme);
    assertThat(m.find()).as("README holds the trust store script").isTrue();
    String script = m.group(1).replaceAll("(?m)^   ", "");

    try (SimulatedFleet fleet = SimulatedFleet.start(Scenario.blank("recipe-a", "recipe-b"))) {
      String bundle =
          Files.readString(
                  ServerTls.generate("another region's CA").writeTo(dir.resolve("x")).caPem())
              + Files.readString(fleet.simulator.trustFiles().caPem())
              + Files.readString(
                  ServerTls.generate("a third CA").writeTo(dir.resolve("y")).caPem());
      Files.writeString(dir.resolve("global-bundle.pem"), bundle);

      Process p =
          new ProcessBuilder(List.of("bash", "-euo", "pipefail", "-c", script))
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(output).isZero();
      assertThat(output.strip()).as("every certificate of the bundle imported").endsWith("3");

      Path config = dir.resolve("rdswatch.yml");
      Files.writeString(
          config,
          "poll: { interval: 10s, timeout: 5s }\nstateDir: "
              + dir.resolve("state")
              + "\n"
              + "tls: { trustStore: "
              + dir.resolve("rds-truststore.p12")
              + ", trustStorePasswordFile: "
              + dir.resolve("rds-truststore.password")
              + " }\ninstances:\n"
              + "  - {name: a, host: localhost, port: "
              + fleet.instance("recipe-a").port()
              + ", username: admin, password: admin}\n"
              + "  - {name: b, host: 127.0.0.1, port: "
              + fleet.instance("recipe-b").port()
              + ", username: admin, password: admin}\n");
      CliRun run = CliRun.of("check", "--config", config.toString());
      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(run.out()).contains("all 2 instance(s) ok");
    }
  }
}
