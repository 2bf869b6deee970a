package io.rdswatch.simulator.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-connection state shared between the protocol layer and the backend. */
public final class Session {
  private final int spid;
  private volatile String user = "";
  private volatile String database = "master";
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();

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

  /** Backend-private per-session data (app locks held, temp settings...). */
  public Map<String, Object> attributes() {
    return attributes;
  }
}
