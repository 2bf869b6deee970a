package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.check.Expectation;
import io.rdswatch.agent.drill.journal.CheckResult;
import io.rdswatch.agent.drill.journal.DrillPlan.CheckSpec;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.DrillStep;
import io.rdswatch.agent.drill.sql.Verification;
import io.rdswatch.agent.drill.sql.VerifyErrors;
import io.rdswatch.agent.drill.sql.VerifyErrors.Interruption;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs DBCC CHECKDB and the SQL checks against the scratch database, each with its own result. It
 * uses its own connection: the lock-holding session must stay out of the scratch database, because
 * rds_drop_database closes every connection to it. A lost connection, a failover, a missing
 * permission or a timeout ends verification as verify_interrupted, never as a failed check: only
 * consistency errors and failed expectations judge the backup. The drop follows either way.
 */
final class VerifyStep {

  private static final Logger LOG = LoggerFactory.getLogger(VerifyStep.class);

  /** A check cut off by a lost connection runs once more; a second loss is reported. */
  private static final int ATTEMPTS = 2;

  private final DrillRun run;

  VerifyStep(DrillRun run) {
    this.run = run;
  }

  void verify() throws SQLException, IOException, DrillSkipped {
    run.record.step(DrillStep.VERIFYING).verifyStartedAt(run.now());
    run.save();
    Session s = new Session(run.openTarget());
    try {
      for (CheckSpec spec : run.plan().checks()) {
        if (run.pastDeadline()) {
          interrupted(
              Interruption.TIMEOUT,
              kind(spec),
              "the drill timeout of "
                  + Duration.ofSeconds(run.plan().timeoutSeconds())
                  + " passed before all checks ran");
          break;
        }
        if (!runCheck(s, spec)) {
          break;
        }
        run.save();
      }
    } finally {
      s.close();
    }
    run.record.verifyFinishedAt(run.now());
    if (run.record.outcome() == DrillStatus.RUNNING) {
      conclude();
    }
    run.save();
  }

  /**
   * The verify connection, replaced after a lost connection; it remembers whether it is in the
   * scratch database.
   */
  private final class Session {
    Connection c;
    boolean inScratch;

    Session(Connection c) {
      this.c = c;
    }

    void reopen() throws SQLException, DrillSkipped {
      close();
      c = run.openTarget();
      inScratch = false;
    }

    boolean alive() {
      try {
        return !c.isClosed() && c.isValid(5);
      } catch (SQLException e) {
        return false;
      }
    }

    void close() {
      try {
        c.close();
      } catch (SQLException ignored) {
        // a broken connection closes either way
      }
    }
  }

  /**
   * Runs one check, retrying it once on a fresh connection after a lost connection; records its
   * result, or the interruption as the drill's outcome. Returns false when verification must stop.
   */
  private boolean runCheck(Session s, CheckSpec spec) throws SQLException {
    String db = run.record.scratchName();
    for (int attempt = 1; ; attempt++) {
      Instant start = run.now();
      try {
        if (spec.checkdb()) {
          List<String> errors = Verification.checkdb(s.c, db, run.remainingSeconds());
          run.record.check(
              new CheckResult(
                  "checkdb",
                  Verification.checkdbStatement(db),
                  null,
                  errors.isEmpty(),
                  null,
                  errors.isEmpty() ? null : String.join("\n", errors),
                  secs(start)));
        } else {
          if (!s.inScratch) {
            s.c.setCatalog(db);
            s.inScratch = true;
          }
          run.record.check(sqlCheck(s.c, spec, start));
        }
        return true;
      } catch (SQLException e) {
        Optional<Interruption> why = VerifyErrors.interruption(e, s.alive(), spec.checkdb());
        if (why.isEmpty()) {
          run.record.check(
              new CheckResult(
                  kind(spec),
                  text(spec, db),
                  spec.expect(),
                  false,
                  null,
                  e.getMessage(),
                  secs(start)));
          return true;
        }
        String what =
            (e.getErrorCode() > 0 ? "Msg " + e.getErrorCode() + ": " : "") + e.getMessage();
        if (why.get() == Interruption.CONNECTION_LOST
            && attempt < ATTEMPTS
            && !run.pastDeadline()) {
          LOG.warn(
              "drill {}: {} on {} interrupted ({}); retrying on a new connection",
              run.record.id(),
              kind(spec),
              run.plan().targetInstance(),
              what);
          try {
            s.reopen();
            continue;
          } catch (SQLException | DrillSkipped again) {
            what += "; reconnecting failed: " + again.getMessage();
          }
        }
        interrupted(
            why.get(), kind(spec), what + (attempt > 1 ? " (after " + attempt + " attempts)" : ""));
        return false;
      }
    }
  }

  private CheckResult sqlCheck(Connection c, CheckSpec spec, Instant start) throws SQLException {
    String value = Verification.firstValue(c, spec.sql(), run.remainingSeconds());
    if (spec.expect() == null) {
      return new CheckResult("sql", spec.sql(), null, true, value, null, secs(start));
    }
    Expectation e = Expectation.parse(spec.expect());
    boolean ok = e.test(value);
    return new CheckResult(
        "sql",
        spec.sql(),
        e.toString(),
        ok,
        value,
        ok ? null : "expected " + e + ", got " + (value == null ? "no value" : value),
        secs(start));
  }

  private void conclude() {
    var failed = run.record.checks().stream().filter(r -> !r.passed()).findFirst();
    if (failed.isEmpty()) {
      run.record.outcome(DrillStatus.SUCCESS, null, null);
    } else {
      CheckResult f = failed.get();
      String code = f.kind().equals("checkdb") ? "checkdb_failed" : "check_failed";
      run.record.outcome(
          DrillStatus.VERIFY_FAILED,
          code,
          (f.kind().equals("checkdb")
                  ? "DBCC CHECKDB failed: "
                  : "check '" + f.sql() + "' failed: ")
              + f.error());
    }
  }

  private void interrupted(Interruption why, String during, String detail) {
    run.record.outcome(
        DrillStatus.VERIFY_INTERRUPTED,
        why.code(),
        "verification was interrupted during "
            + during
            + " ("
            + why.code().replace('_', ' ')
            + "), which says nothing about the backup: "
            + detail);
  }

  private static String kind(CheckSpec spec) {
    return spec.checkdb() ? "checkdb" : "sql";
  }

  private static String text(CheckSpec spec, String db) {
    return spec.checkdb() ? Verification.checkdbStatement(db) : spec.sql();
  }

  private double secs(Instant start) {
    return Duration.between(start, run.now()).toMillis() / 1000.0;
  }
}
