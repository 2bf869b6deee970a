package io.rdswatch.bench.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.rdswatch.agent.instance.InstanceTarget;
import io.rdswatch.agent.instance.PasswordSource;
import io.rdswatch.bench.wire.Wire;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The growth fleets and figure 8's twins, as the harness hands them over: the fleet JVM's own
 * description ({"user", "password", "trustStore"?, "sets": {"growth-20": [{"name", "port"}...]}})
 * written to a file.
 */
final class GrowthTargets {
  /** The figure 8 set that speaks TLS; its twin "tls-cmp-plain" does not. */
  static final String TLS_SET = "tls-cmp-tls";

  private GrowthTargets() {}

  static Map<String, List<InstanceTarget>> read(Path file) throws IOException {
    JsonNode root = Wire.JSON.readTree(file.toFile());
    String user = root.get("user").asText();
    PasswordSource password = PasswordSource.literal(root.get("password").asText());
    Map<String, String> plain = Map.of("encrypt", "false");
    // the production settings (encrypt=true, certificate checked) for the set that speaks TLS
    Map<String, String> tls =
        root.hasNonNull("trustStore")
            ? Map.of(
                "encrypt",
                "true",
                "trustServerCertificate",
                "false",
                "trustStore",
                root.get("trustStore").asText(),
                "trustStorePassword",
                root.get("trustStorePassword").asText())
            : plain;
    Map<String, List<InstanceTarget>> sets = new LinkedHashMap<>();
    root.get("sets")
        .fields()
        .forEachRemaining(
            set -> {
              List<InstanceTarget> targets = new ArrayList<>();
              Map<String, String> jdbc = set.getKey().equals(TLS_SET) ? tls : plain;
              for (JsonNode i : set.getValue()) {
                targets.add(
                    new InstanceTarget(
                        i.get("name").asText(),
                        "127.0.0.1",
                        i.get("port").asInt(),
                        user,
                        password,
                        jdbc,
                        Map.of(),
                        null,
                        "static"));
              }
              sets.put(set.getKey(), targets);
            });
    return sets;
  }
}
