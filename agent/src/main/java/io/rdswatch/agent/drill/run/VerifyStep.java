package io.rdswatch.agent.drill.run;

import io.rdswatch.agent.drill.check.Expectation;
import io.rdswatch.agent.drill.journal.CheckResult;
import io.rdswatch.agent.drill.journal.DrillPlan.CheckSpec;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.DrillStep;
import io.rdswatch.agent.drill.sql.Verification;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs DBCC CHECKDB and the SQL checks against the scratch database, each with its own result.
 * It uses its own connection: the lock-holding session must stay out of the scratch database,
 * because rds_drop_database closes every connection to it.
 */
final class VerifyStep {

  private final DrillRun run;

  VerifyStep(DrillRun run) {
    this.run = run;
  }

  void verify() throws SQLException, IOException, DrillSkipped {
    run.record.step(DrillStep.VERIFYING).verifyStartedAt(run.now());
    run.save();
    String db = run.record.scratchName();
    try (Connection c = run.openTarget()) {
      boolean inScratch = false;
      for (CheckSpec spec : run.plan().checks()) {
        if (run.pastDeadline()) {
          timeout("before all checks ran");
          break;
        }
        Instant start = run.now();
        try {
          if (spec.checkdb()) {
            List<String> errors = Verification.checkdb(c, db, run.remainingSeconds());
            run.record.check(new CheckResult("checkdb", Verification.checkdbStatement(db), null,
                errors.isEmpty(), null, errors.isEmpty() ? null : String.join("\n", errors), secs(start)));
          } else {
            if (!inScratch) {
              c.setCatalog(db);
              inScratch = true;
            }
            run.record.check(sqlCheck(c, spec, start));
          }
        } catch (SQLException e) {
          if (Verification.isTimeout(e)) {
            run.record.check(new CheckResult(kind(spec), text(spec, db), spec.expect(), false, null,
                "timed out: " + e.getMessage(), secs(start)));
            timeout("during " + kind(spec));
            break;
          }
          if (!c.isValid(5)) {
            throw e;
          }
          run.record.check(new CheckResult(kind(spec), text(spec, db), spec.expect(), false, null,
              e.getMessage(), secs(start)));
        }
        run.save();
      }
    }
    run.record.verifyFinishedAt(run.now());
    if (run.record.outcome() == DrillStatus.RUNNING) {
      conclude();
    }
    run.save();
  }

  private CheckResult sqlCheck(Connection c, CheckSpec spec, Instant start) throws SQLException {
    String value = Verification.firstValue(c, spec.sql(), run.remainingSeconds());
    if (spec.expect() == null) {
      return new CheckResult("sql", spec.sql(), null, true, value, null, secs(start));
    }
    Expectation e = Expectation.parse(spec.expect());
    boolean ok = e.test(value);
    return new CheckResult("sql", spec.sql(), e.toString(), ok, value,
        ok ? null : "expected " + e + ", got " + (value == null ? "no value" : value), secs(start));
  }

  private void conclude() {
    var failed = run.record.checks().stream().filter(r -> !r.passed()).findFirst();
    if (failed.isEmpty()) {
      run.record.outcome(DrillStatus.SUCCESS, null, null);
    } else {
      CheckResult f = failed.get();
      String code = f.kind().equals("checkdb") ? "checkdb_failed" : "check_failed";
      run.record.outcome(DrillStatus.VERIFY_FAILED, code,
          (f.kind().equals("checkdb") ? "DBCC CHECKDB failed: " : "check '" + f.sql() + "' failed: ") + f.error());
    }
  }

  private void timeout(String when) {
    run.record.outcome(DrillStatus.TIMEOUT, "timeout", "drill timeout of "
        + Duration.ofSeconds(run.plan().timeoutSeconds()) + " passed " + when);
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
