package io.rdswatch.agent.drill.sql;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Tells what a failed verification statement says: a consistency error is a verdict on the backup;
 * a lost connection, a failover, a missing permission or a timeout is only an interruption, which
 * must never read as a corrupt backup (README, "A drill, step by step").
 */
public final class VerifyErrors {

  /** Why verification was interrupted; the drill's reason code. */
  public enum Interruption {
    TIMEOUT("timeout"),
    CONNECTION_LOST("connection_lost"),
    PERMISSION("permission"),
    CHECKDB_ERROR("checkdb_error");

    private final String code;

    Interruption(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /**
   * Not consistency errors although numbered among them: 2520 (database not found) and 2528 (DBCC
   * completed) are in the 2500s.
   */
  private static final Set<Integer> NOT_CONSISTENCY = Set.of(2520, 2528);

  /**
   * Outside the 8900s and 2500s, errors CHECKDB raises for damaged pages: 823/824 (I/O and checksum
   * errors reading a page), 7985 (system table pre-checks failed), 7995 (consistency errors in
   * system catalogs).
   */
  private static final Set<Integer> OTHER_CONSISTENCY = Set.of(823, 824, 7985, 7995);

  /**
   * Permission denied on an object (229, 230), on a statement (262, 297, 300), on the database
   * (916) or on DBCC itself (7983).
   */
  private static final Set<Integer> PERMISSION = Set.of(229, 230, 262, 297, 300, 916, 7983);

  /**
   * The database or instance went away under the session: a Multi-AZ failover or a restart (976,
   * 978, 983: database not accessible on a secondary or in transition; 40613: database unavailable;
   * 596: session killed).
   */
  private static final Set<Integer> UNAVAILABLE = Set.of(596, 976, 978, 983, 40613);

  private VerifyErrors() {}

  /** An error DBCC CHECKDB raises because the database is damaged. */
  public static boolean isConsistencyError(int number) {
    return (number >= 8900 && number <= 8999)
        || (number >= 2500 && number <= 2599 && !NOT_CONSISTENCY.contains(number))
        || OTHER_CONSISTENCY.contains(number);
  }

  /**
   * Why {@code e} interrupted verification, or empty when it is an ordinary SQL error of a user's
   * check (a verdict: the check failed). For CHECKDB every non-consistency error is an
   * interruption, since only consistency errors speak about the database.
   *
   * @param connectionAlive whether the connection still answers after the error
   */
  public static Optional<Interruption> interruption(
      SQLException e, boolean connectionAlive, boolean checkdb) {
    if (Verification.isTimeout(e)) {
      return Optional.of(Interruption.TIMEOUT);
    }
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (PERMISSION.contains(x.getErrorCode())) {
        return Optional.of(Interruption.PERMISSION);
      }
      if (UNAVAILABLE.contains(x.getErrorCode())) {
        return Optional.of(Interruption.CONNECTION_LOST);
      }
    }
    String state = e.getSQLState();
    if (!connectionAlive || (state != null && state.startsWith("08"))) {
      return Optional.of(Interruption.CONNECTION_LOST);
    }
    return checkdb ? Optional.of(Interruption.CHECKDB_ERROR) : Optional.empty();
  }
}
