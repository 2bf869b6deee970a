package io.rdswatch.simulator.engine;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/** Per-connection state shared between the protocol layer and the backend. */
public final class Session {
  private final int spid;
  private volatile String user = "";
  private volatile String database = "master";
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();
  private volatile IntConsumer unprepare = handle -> {};

  public Session(int spid) {
    this.spid = spid;
  }

  public int spid() {
    return spid;
  }

  public String user() {
    return user;
  }

  public void user(String user) {
    this.user = user;
  }

  public String database() {
    return database;
  }

  public void database(String database) {
    this.database = database;
  }

  /**
   * Prepared handles live in the protocol layer, but mssql-jdbc drops them with a text batch
   * ({@code EXEC sp_unprepare 5;}) that only the backend parses: it calls {@link #unprepare}.
   */
  public void onUnprepare(IntConsumer dropHandle) {
    this.unprepare = Objects.requireNonNull(dropHandle);
  }

  /** Drops a prepared handle of this connection (unknown handles are ignored). */
  public void unprepare(int handle) {
    unprepare.accept(handle);
  }

  /** Backend-private per-session data (app locks held, temp settings...). */
  public Map<String, Object> attributes() {
    return attributes;
  }
}
