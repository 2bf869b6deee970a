package io.rdswatch.agent.drill.journal;

/**
 * The outcome of one verification check against the scratch database.
 *
 * @param kind "checkdb" or "sql"
 * @param sql the check's statement (for checkdb, the DBCC statement that ran)
 * @param expect the expectation, or null
 * @param observed the first value returned (sql) or null
 * @param error the SQL error or the failed expectation, null when it passed
 */
public record CheckResult(
    String kind,
    String sql,
    String expect,
    boolean passed,
    String observed,
    String error,
    double seconds) {}
