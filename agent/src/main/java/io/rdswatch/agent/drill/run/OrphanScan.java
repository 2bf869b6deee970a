package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.sql.CatalogQueries;
import io.rdswatch.agent.drill.sql.DbRow;
import io.rdswatch.agent.target.InstanceTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts databases that carry the scratch prefix but that no drill journal knows: left by someone
 * else, or by a drill whose journal was lost. They are reported, never dropped: rdswatch drops
 * only what its journal proves it created.
 */
public final class OrphanScan {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanScan.class);

  private OrphanScan() {}

  /**
   * Per instance reached; an instance that cannot be read is left out (its last count stands). The
   * journals are read after each listing, so a drill that journaled its name meanwhile is known.
   */
  public static Map<String, Integer> scan(DrillContext ctx, String prefix, Collection<InstanceTarget> instances,
      Supplier<List<DrillRecord>> journals) {
    ScratchNames names = ctx.scratchNames(prefix);
    Map<String, Integer> out = new HashMap<>();
    for (InstanceTarget t : instances) {
      try (Connection c = ctx.connections().open(t)) {
        List<DbRow> dbs = CatalogQueries.databases(c, (int) ctx.settings().queryTimeout().toSeconds());
        // a journal recovery would not trust vouches for nothing: what it names still counts here
        Set<String> known = journals.get().stream().filter(Recovery::vouchesForItsScratch)
            .map(DrillRecord::scratchName).filter(n -> n != null).map(DbNames::key).collect(Collectors.toSet());
        int n = (int) dbs.stream()
            .filter(d -> names.looksLikeScratch(d.name()) && !known.contains(DbNames.key(d.name())))
            .count();
        out.put(t.name(), n);
      } catch (SQLException e) {
        LOG.debug("orphan scan of {} skipped: {}", t.name(), e.getMessage());
      }
    }
    return out;
  }
}
