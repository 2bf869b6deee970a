package io.rdswatch.simulator.rds;

import io.rdswatch.simulator.engine.SqlMessage;

/**
 * Failures raised while the procedure call is still running, as a SQL error (RAISERROR style: error
 * 50000, class 16) and with no task row. Each method says why it is synchronous; the ones that end
 * a task in ERROR instead are {@link TaskFailure}.
 */
public final class SubmitErrors {

  private SubmitErrors() {}

  private static SqlFailure raise(String proc, String text) {
    return new SqlFailure(SqlMessage.error(50000, 1, 16, text, proc, 1));
  }

  /**
   * Submit: without the option group the procedure cannot create a task at all; the reference's RDS
   * documents this text as what the exec call returns.
   */
  public static SqlFailure optionNotEnabled(String proc) {
    return raise(
        proc,
        "Database backup/restore option is not enabled yet or is in the process of being enabled. "
            + "Please try again later.");
  }

  /** Submit: SQL Server checks EXECUTE before the procedure body runs (error 229). */
  public static SqlFailure executeDenied(String proc) {
    return new SqlFailure(
        SqlMessage.error(
            229,
            5,
            14,
            "The EXECUTE permission was denied on the object '"
                + proc
                + "', database 'msdb', schema 'dbo'.",
            proc,
            1));
  }

  /** SELECT from msdb.dbo.rds_fn_task_status by a login without the grant: the same error 229. */
  public static SqlFailure selectDenied(String function) {
    return new SqlFailure(
        SqlMessage.error(
            229,
            5,
            14,
            "The SELECT permission was denied on the object '"
                + function
                + "', database 'msdb', schema 'dbo'.",
            "",
            1));
  }

  /**
   * Submit: the procedure looks the name up in sys.databases before queueing, so the caller learns
   * at once (documented text; names compare case- and accent-insensitively).
   */
  public static SqlFailure databaseExists(String proc, String db) {
    return raise(
        proc,
        "Database '"
            + db
            + "' already exists. Two databases that differ only by case or accent are not "
            + "allowed. Choose a different database name.");
  }

  /** Submit: parameter validation; documented text. */
  public static SqlFailure emptyArn(String proc) {
    return raise(proc, "S3 ARN prefix cannot be empty");
  }

  /**
   * Submit: @number_of_files is a parameter check (1..10); more than 10 files matched by a restore
   * prefix is only known from S3 and is {@link TaskFailure#TOO_MANY_FILES}.
   */
  public static SqlFailure tooManyFiles(String proc, int files) {
    return raise(
        proc,
        "The Backup task is unable to back up to more than 10 backup file(s) (@number_of_files = "
            + files
            + "). Please reduce the number of files and try again.");
  }

  /** Submit: parameter validation of a multi-file ARN. */
  public static SqlFailure needsOneStar(String proc) {
    return raise(
        proc, "With @number_of_files greater than 1, the S3 ARN must contain exactly one '*'.");
  }

  /** Submit: parameter validation. */
  public static SqlFailure badType(String proc, String type) {
    return raise(proc, "Invalid @type '" + type + "'. Specify FULL or DIFFERENTIAL.");
  }

  /** Submit: parameter validation. */
  public static SqlFailure badNumberOfFiles(String proc, Object value) {
    return raise(proc, "@number_of_files must be an integer from 1 to 10, got '" + value + "'.");
  }

  /** Submit: a backup of a database that does not exist never gets a task. */
  public static SqlFailure noSuchDatabase(String proc, String db) {
    return raise(
        proc,
        "Database '" + db + "' does not exist. Make sure that the name is entered correctly.");
  }

  /** Submit: a RESTORING database cannot be backed up; the procedure checks its state. */
  public static SqlFailure notOnline(String proc, String db) {
    return raise(proc, "Database '" + db + "' is not ONLINE and cannot be backed up.");
  }

  /** Submit: DIFFERENTIAL restores need a RESTORING database. */
  public static SqlFailure notRestoring(String proc, String db) {
    return raise(
        proc,
        "Database '"
            + db
            + "' is not in the RESTORING state. A differential restore or finish needs a database "
            + "restored WITH NORECOVERY.");
  }

  /** Submit: RDS forbids a second restore, a finish or a drop while one is pending. */
  public static SqlFailure pendingTask(String proc, String db) {
    return raise(
        proc,
        "Database '" + db + "' has a pending restore task. Wait for it to finish or cancel it.");
  }

  /** Submit: an unknown or terminal task cannot be cancelled. */
  public static SqlFailure cannotCancel(String proc, int taskId, String why) {
    return raise(proc, "Task " + taskId + " cannot be cancelled: " + why + ".");
  }

  /**
   * Submit of an S3-integration task: a file must be under D:\S3\ and the ARN must name an object
   * (the exact RDS wording is not documented; this simulator's own).
   */
  public static SqlFailure badS3Transfer(String proc, String why) {
    return raise(proc, why);
  }

  /** Submit: system databases are not RDS's to drop. */
  public static SqlFailure systemDatabase(String proc, String db) {
    return raise(proc, "Database '" + db + "' is a system database and cannot be dropped.");
  }
}
