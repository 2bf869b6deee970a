package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.sql.CatalogQueries;
import io.rdswatch.agent.drill.sql.DbRow;
import io.rdswatch.agent.instance.InstanceTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts databases that carry the scratch prefix but that no drill journal knows: left by someone
 * else, or by a drill whose journal was lost. They are reported, never dropped: rdswatch drops only
 * what its journal proves it created.
 */
public final class OrphanScan {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanScan.class);

  private OrphanScan() {}

  /**
   * Per instance: scratch databases no journal knows, and those a finished journal did not drop.
   */
  public record Counts(int orphans, int left) {}

  /** The orphan counts of {@link #survey}, per instance. */
  public static Map<String, Integer> scan(
      DrillContext ctx,
      String prefix,
      Collection<InstanceTarget> instances,
      Supplier<List<DrillRecord>> journals) {
    Map<String, Integer> out = new HashMap<>();
    survey(ctx, prefix, instances, journals)
        .forEach((instance, c) -> out.put(instance, c.orphans()));
    return out;
  }

  /**
   * Per instance reached; an instance that cannot be read is left out (its last count stands). The
   * journals are read after each listing, so a drill that journaled its name meanwhile is known. A
   * scratch database whose drill has finished without journaling "dropped" (keepOnFailure, a failed
   * drop) is counted as left until it is gone, whatever the drill's result.
   */
  public static Map<String, Counts> survey(
      DrillContext ctx,
      String prefix,
      Collection<InstanceTarget> instances,
      Supplier<List<DrillRecord>> journals) {
    ScratchNames names = ctx.scratchNames(prefix);
    Map<String, Counts> out = new HashMap<>();
    for (InstanceTarget t : instances) {
      try {
        out.put(t.name(), surveyOne(ctx, names, t, journals, c -> {}));
      } catch (SQLException e) {
        LOG.debug("orphan scan of {} skipped: {}", t.name(), e.getMessage());
      }
    }
    return out;
  }

  /**
   * One instance of {@link #survey}.
   *
   * @param opened told the connection as soon as it is open, so that a caller bounding the scan's
   *     time can abort it from another thread
   */
  static Counts surveyOne(
      DrillContext ctx,
      ScratchNames names,
      InstanceTarget t,
      Supplier<List<DrillRecord>> journals,
      Consumer<Connection> opened)
      throws SQLException {
    try (Connection c = ctx.connections().open(t)) {
      opened.accept(c);
      List<DbRow> dbs =
          CatalogQueries.databases(c, (int) ctx.settings().queryTimeout().toSeconds());
      // a journal recovery would not trust vouches for nothing: what it names still counts here
      List<DrillRecord> vouching =
          journals.get().stream()
              .filter(Recovery::vouchesForItsScratch)
              .filter(r -> r.scratchName() != null)
              .toList();
      Set<String> known =
          vouching.stream().map(r -> DbNames.key(r.scratchName())).collect(Collectors.toSet());
      Set<String> notDropped =
          vouching.stream()
              .filter(r -> r.isFinished() && !Boolean.TRUE.equals(r.dropped()))
              .map(r -> DbNames.key(r.scratchName()))
              .collect(Collectors.toSet());
      List<String> scratch =
          dbs.stream().map(DbRow::name).filter(names::looksLikeScratch).map(DbNames::key).toList();
      int orphans = (int) scratch.stream().filter(n -> !known.contains(n)).count();
      int left = (int) scratch.stream().filter(notDropped::contains).count();
      return new Counts(orphans, left);
    }
  }
}
