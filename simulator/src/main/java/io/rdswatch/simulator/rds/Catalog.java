package io.rdswatch.simulator.rds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The databases of one instance (sys.databases), keyed case- and accent-insensitively. Holds the
 * system databases RDS shows: master, tempdb, model, msdb and rdsadmin.
 */
public final class Catalog {
  private static final List<String> SYSTEM =
      List.of("master", "tempdb", "model", "msdb", "rdsadmin");
  private static final int FIRST_USER_ID = 6;

  private final Map<String, Database> byKey = new HashMap<>();
  private int nextId = FIRST_USER_ID;

  Catalog(Instant created) {
    for (int i = 0; i < SYSTEM.size(); i++) {
      DatabaseSpec spec = DatabaseSpec.of(SYSTEM.get(i), i == 1 ? 8 : 16);
      byKey.put(Names.key(spec.name()), new Database(i + 1, spec, created, true, false));
    }
  }

  public Database get(String name) {
    return name == null ? null : byKey.get(Names.key(name));
  }

  public boolean exists(String name) {
    return get(name) != null;
  }

  /** All databases, system ones first, in database_id order. */
  public List<Database> all() {
    List<Database> list = new ArrayList<>(byKey.values());
    list.sort(Comparator.comparingInt(Database::id));
    return list;
  }

  Database create(DatabaseSpec spec, Instant now, boolean scheduled) {
    if (exists(spec.name())) {
      throw new IllegalArgumentException("database '" + spec.name() + "' already exists");
    }
    Database db = new Database(nextId++, spec, now, false, scheduled);
    byKey.put(Names.key(spec.name()), db);
    return db;
  }

  void drop(String name) {
    byKey.remove(Names.key(name));
  }

  /** Total size of every database, in MB: what the instance's volume holds. */
  long usedMb() {
    return byKey.values().stream().mapToLong(Database::sizeMb).sum();
  }
}
