package io.rdswatch.agent.drill.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes rdswatch YAML configs that point at a {@link DrillSim}'s instances. */
public final class DrillConfigFiles {

  private DrillConfigFiles() {}

  public static Path write(Path dir, DrillSim sim, String extra) throws IOException {
    return write(dir, sim, "bind: 127.0.0.1, port: 0, adminPort: 0", extra);
  }

  /**
   * @param http the inside of the `http: { ... }` section
   */
  public static Path write(Path dir, DrillSim sim, String http, String extra) throws IOException {
    StringBuilder y = new StringBuilder();
    y.append("stateDir: ").append(dir.resolve("state")).append('\n');
    y.append("http: { ").append(http).append(" }\n");
    y.append("poll: { interval: 60s, timeout: 10s }\n");
    y.append("tls: { trustStore: ")
        .append(sim.trust.trustStore())
        .append(", trustStorePasswordFile: ")
        .append(sim.trust.passwordFile())
        .append(" }\n");
    y.append("instances:\n");
    for (String name : new String[] {"orders-prod", "drill-box"}) {
      var t = sim.target(name);
      y.append("  - { name: ")
          .append(name)
          .append(", host: 127.0.0.1, port: ")
          .append(t.port())
          .append(", username: admin, password: admin, labels: { env: prod } }\n");
    }
    y.append(extra);
    Path file = dir.resolve("rdswatch.yml");
    Files.writeString(file, y.toString());
    return file;
  }
}
