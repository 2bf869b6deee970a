package io.rdswatch.simulator.rds;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * sp_getapplock / sp_releaseapplock with session owners. Shared holders coexist; an exclusive
 * holder excludes everyone else; one session may take a lock it holds again (counted). Locks never
 * wait: the caller gets "timeout" at once, which is what @LockTimeout=0 asks for.
 */
public final class AppLocks {

  /** sp_getapplock's return codes. */
  public static final int GRANTED = 0;

  public static final int TIMEOUT = -1;
  public static final int NOT_HELD = -999;

  private static final class Lock {
    boolean exclusive;
    final Map<Object, Integer> holders = new HashMap<>();
  }

  private final Map<String, Lock> locks = new HashMap<>();

  public synchronized int acquire(
      String database, String resource, boolean exclusive, Object owner) {
    String key = key(database, resource);
    Lock lock = locks.get(key);
    if (lock == null) {
      lock = new Lock();
      lock.exclusive = exclusive;
      locks.put(key, lock);
    } else {
      boolean onlyMine = lock.holders.size() == 1 && lock.holders.containsKey(owner);
      boolean compatible = onlyMine || (!lock.exclusive && !exclusive);
      if (!compatible) {
        return TIMEOUT;
      }
      lock.exclusive = lock.exclusive || exclusive;
    }
    lock.holders.merge(owner, 1, Integer::sum);
    return GRANTED;
  }

  public synchronized int release(String database, String resource, Object owner) {
    String key = key(database, resource);
    Lock lock = locks.get(key);
    if (lock == null || !lock.holders.containsKey(owner)) {
      return NOT_HELD;
    }
    if (lock.holders.merge(owner, -1, Integer::sum) == 0) {
      lock.holders.remove(owner);
    }
    if (lock.holders.isEmpty()) {
      locks.remove(key);
    }
    return GRANTED;
  }

  /** The owner (a session) has gone: everything it held is released. */
  public synchronized void releaseAll(Object owner) {
    for (Iterator<Lock> it = locks.values().iterator(); it.hasNext(); ) {
      Lock lock = it.next();
      lock.holders.remove(owner);
      if (lock.holders.isEmpty()) {
        it.remove();
      }
    }
  }

  public synchronized boolean isHeld(String database, String resource) {
    return locks.containsKey(key(database, resource));
  }

  /** App lock resources are per database and compared exactly. */
  private static String key(String database, String resource) {
    return Names.key(database) + "\u0000" + resource;
  }
}
