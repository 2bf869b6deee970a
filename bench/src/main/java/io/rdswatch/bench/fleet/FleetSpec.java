package io.rdswatch.bench.fleet;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParameterException;

/** The fleet JVM's arguments; the harness derives them from its own options. */
final class FleetSpec {

  @Parameter(names = "--instances", description = "instances of the main fleet")
  int instances = 1000;

  @Parameter(names = "--databases", description = "databases per instance")
  int databases = 20;

  @Parameter(names = "--history", description = "history tasks per instance, main fleet")
  int history = 200;

  @Parameter(names = "--growth-instances", description = "instances of each growth fleet")
  int growthInstances = 50;

  @Parameter(
      names = "--growth-history",
      description = "history of the two growth fleets",
      arity = 2)
  java.util.List<Integer> growthHistory = java.util.List.of(20, 2000);

  @Parameter(names = "--fresh", description = "freshness instances, each with its own clock")
  int fresh = 5;

  @Parameter(
      names = "--tls-dir",
      description = "also two twin fleets for figure 8, one speaking TLS with its CA here")
  java.nio.file.Path tlsDir;

  @Parameter(names = "--seed")
  long seed = 7;

  static FleetSpec parse(String... args) {
    FleetSpec spec = new FleetSpec();
    JCommander.newBuilder().addObject(spec).build().parse(args);
    if (spec.instances < 1
        || spec.databases < 1
        || spec.history < 0
        || spec.growthInstances < 1
        || spec.fresh < 1) {
      throw new ParameterException(
          "fleet: instances, databases, growth instances and fresh must be >= 1, history >= 0");
    }
    return spec;
  }
}
