package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.journal.DrillJournal;
import io.rdswatch.agent.instance.InstanceSource;
import io.rdswatch.agent.instance.InstanceTarget;
import java.time.InstantSource;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Everything a drill runs against. Shared by all drills of a process; every part is thread-safe.
 *
 * @param owner "host:pid", written into each journal for people reading it
 */
public record DrillContext(
    DrillSettings settings,
    InstanceSource instances,
    DrillConnections connections,
    DrillJournal journal,
    InstantSource clock,
    Pacer pacer,
    RandomGenerator random,
    String owner) {

  public Optional<InstanceTarget> target(String name) {
    return instances.targets().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public ScratchNames scratchNames(String prefix) {
    return new ScratchNames(prefix, random);
  }

  /** "host:pid" of this process. */
  public static String thisProcess() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "localhost";
    }
    return host + ":" + ProcessHandle.current().pid();
  }
}
