package io.rdswatch.simulator.rds;

import java.util.Locale;

/**
 * What goes wrong while DBCC CHECKDB runs, none of which says anything about the database itself:
 * the connection is cut (a network drop or a failover), the login lacks the permission (error 7983),
 * or the check runs longer than the client waits.
 */
public enum CheckdbFault {
  NONE,
  DISCONNECT,
  PERMISSION,
  HANG;

  /** The scenario spelling: none, disconnect, permission, hang. */
  public static CheckdbFault parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + s + "' is not one of none, disconnect, permission, hang");
    }
  }
}
