package io.rdswatch.agent.aws.discovery;

import io.rdswatch.agent.instance.InstanceSource;
import io.rdswatch.agent.instance.InstanceTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Static instances first, then discovered ones. A discovered instance whose name is already taken
 * (by a static instance, or by the same identifier in an earlier region) is skipped: {@link
 * #clashes()} reports them for the start-up config check, and later clashes are logged once each.
 */
public final class CombinedInstanceSource implements InstanceSource {

  private static final Logger LOG = LoggerFactory.getLogger(CombinedInstanceSource.class);

  private final List<InstanceTarget> statics;
  private final Supplier<List<InstanceTarget>> discovered;
  private final Set<String> reported = new HashSet<>(); // guarded by this

  public CombinedInstanceSource(
      List<InstanceTarget> statics, Supplier<List<InstanceTarget>> discovered) {
    this.statics = List.copyOf(statics);
    this.discovered = discovered;
  }

  private record Merged(List<InstanceTarget> targets, List<String> clashes) {}

  @Override
  public List<InstanceTarget> targets() {
    Merged merged = merge();
    logNew(merged.clashes());
    return merged.targets();
  }

  /** Every current name clash, as a config error ("discovery: ..."); empty when there is none. */
  public List<String> clashes() {
    return merge().clashes();
  }

  private Merged merge() {
    Map<String, InstanceTarget> byName = new LinkedHashMap<>();
    statics.forEach(t -> byName.put(t.name(), t));
    List<String> clashes = new ArrayList<>();
    for (InstanceTarget t : discovered.get()) {
      InstanceTarget taken = byName.putIfAbsent(t.name(), t);
      if (taken != null) {
        clashes.add(message(t, taken));
      }
    }
    return new Merged(List.copyOf(byName.values()), clashes);
  }

  private static String message(InstanceTarget skipped, InstanceTarget taken) {
    String other =
        "static".equals(taken.origin())
            ? "a static instance"
            : "an instance from " + taken.origin();
    return "discovery: instance '"
        + skipped.name()
        + "' from "
        + skipped.origin()
        + " has the same name as "
        + other
        + " (rds_instance must be unique); skipped";
  }

  private synchronized void logNew(List<String> clashes) {
    for (String c : clashes) {
      if (reported.add(c)) {
        LOG.error(c);
      }
    }
    reported.retainAll(clashes);
  }
}
