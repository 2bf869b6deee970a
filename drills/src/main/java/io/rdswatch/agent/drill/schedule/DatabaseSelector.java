package io.rdswatch.agent.drill.schedule;

import io.rdswatch.agent.drill.run.DbNames;
import io.rdswatch.agent.drill.run.ScratchNames;
import io.rdswatch.agent.drill.sql.DbRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A schedule's `databases`: "*" for every user database, glob patterns ("sales_*", "db?"), or exact
 * names. Patterns match like SQL Server compares names (ignoring case and accents) and never pick
 * system databases, databases that are not ONLINE, or scratch databases of drills.
 */
public final class DatabaseSelector {

  private final List<String> entries;

  public DatabaseSelector(List<String> entries) {
    this.entries = List.copyOf(entries);
  }

  public static boolean isPattern(String entry) {
    return entry.indexOf('*') >= 0 || entry.indexOf('?') >= 0;
  }

  /** Whether listing the instance's databases is needed at all. */
  public boolean needsListing() {
    return entries.stream().anyMatch(DatabaseSelector::isPattern);
  }

  /** The databases to drill, in listing order, each once; exact names are kept even if absent. */
  public List<String> select(List<DbRow> databases, ScratchNames scratch) {
    Map<String, String> picked = new LinkedHashMap<>();
    for (String entry : entries) {
      if (!isPattern(entry)) {
        picked.putIfAbsent(DbNames.key(entry), entry);
        continue;
      }
      Pattern p = glob(entry);
      for (DbRow db : databases) {
        if (db.isUser()
            && "ONLINE".equalsIgnoreCase(db.state())
            && !scratch.looksLikeScratch(db.name())
            && p.matcher(DbNames.key(db.name())).matches()) {
          picked.putIfAbsent(DbNames.key(db.name()), db.name());
        }
      }
    }
    return new ArrayList<>(picked.values());
  }

  /** Whether one name is selected, for manual runs that borrow a schedule's settings. */
  public boolean matches(String database) {
    return entries.stream()
        .anyMatch(
            e ->
                isPattern(e)
                    ? glob(e).matcher(DbNames.key(database)).matches()
                    : DbNames.same(e, database));
  }

  private static Pattern glob(String entry) {
    StringBuilder re = new StringBuilder();
    for (char c : DbNames.key(entry).toCharArray()) {
      re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
