package io.rdswatch.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.rdswatch.bench.report.Results;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every phase of one run shares: the options, the JVMs' classpath and options, the fleet JVM
 * and its instances, and the results being gathered.
 */
public record Run(
    BenchOptions options,
    String classpath,
    List<String> agentJavaOpts,
    Path work,
    Results results,
    Progress progress,
    ChildJvm fleet,
    JsonNode fleetInfo) {

  /**
   * The fleet's instances of one set ("main", "growth-20", "fresh"...), as {"name", "port"} nodes.
   */
  public List<JsonNode> instances(String set) {
    JsonNode nodes = fleetInfo.get("sets").get(set);
    if (nodes == null) {
      throw new IllegalStateException("the fleet has no set '" + set + "'");
    }
    List<JsonNode> out = new ArrayList<>();
    nodes.forEach(out::add);
    return out;
  }

  public String user() {
    return fleetInfo.get("user").asText();
  }

  public String password() {
    return fleetInfo.get("password").asText();
  }

  public Path stateDir() {
    return work.resolve("state");
  }

  public Path log(String name) {
    return work.resolve("logs").resolve(name + ".log");
  }
}
