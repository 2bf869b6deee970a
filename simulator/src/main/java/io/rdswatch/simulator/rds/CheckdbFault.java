package io.rdswatch.simulator.rds;

import java.util.Locale;

/**
 * What goes wrong while DBCC CHECKDB runs, none of which says anything about the database itself:
 * the connection is cut (a network drop), the instance fails over (the connection is cut and the
 * logins other than the master user lose their msdb grants), the login lacks the permission (error
 * 7983), or the check runs longer than the client waits.
 */
public enum CheckdbFault {
  NONE,
  DISCONNECT,
  FAILOVER,
  PERMISSION,
  HANG;

  /** The scenario spelling: none, disconnect, failover, permission, hang. */
  public static CheckdbFault parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + s + "' is not one of none, disconnect, failover, permission, hang");
    }
  }
}
