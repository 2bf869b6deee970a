package io.rdswatch.simulator.rds;

import java.util.ArrayList;
import java.util.List;

/**
 * The task_info lines of a failed task as RDS writes them: every aborted backup logs the generic
 * abort line (the same whatever the cause), the specific lines where there are any, and "Task has
 * been aborted"; aborted restores log the generic "concurrent RESTORE_DB request" line instead. The
 * shapes follow the real samples kept as the agent's test fixtures.
 */
final class AbortLog {

  static final String BACKUP_ABORT =
      "Aborted the task because of a task failure or an overlap with your preferred backup window for RDS "
          + "automated backup.";
  static final String RESTORE_ABORT =
      "Aborted the task because of a task failure or a concurrent RESTORE_DB request.";
  static final String EXPLICIT_WINDOW =
      "Aborting native backup because there is an RDS automated backup in progress.";
  static final String ABORTED = "Task has been aborted";

  private AbortLog() {}

  static List<String> lines(TaskFailure failure, FailureFacts f, TaskInfoWording wording) {
    List<String> out = new ArrayList<>();
    if (failure == TaskFailure.BACKUP_WINDOW_OVERLAP) {
      if (wording.legacyWindowAbort()) {
        out.add(BACKUP_ABORT);
        out.addAll(s3Abort(f));
        out.addAll(ioError(f));
      } else {
        out.add(EXPLICIT_WINDOW);
        out.addAll(ioError(f));
        out.add(BACKUP_ABORT);
        out.addAll(s3Abort(f));
      }
    } else if (failure == TaskFailure.ENGINE_ERROR && f.type().isBackup()) {
      out.addAll(ioError(f));
      out.add(BACKUP_ABORT);
      out.addAll(s3Abort(f));
    } else {
      out.add(f.type().isBackup() ? BACKUP_ABORT : RESTORE_ABORT);
      out.addAll(failure.lines(f));
    }
    out.add(ABORTED);
    return out;
  }

  private static List<String> ioError(FailureFacts f) {
    String why =
        "995(The I/O operation has been aborted because of either a thread exit or an application request.)";
    return List.of(
        "Write on \"" + f.file() + "\" failed: " + why,
        "A nonrecoverable I/O error occurred on file \"" + f.file() + ":\" " + why + ".",
        f.verb() + " is terminating abnormally.");
  }

  private static List<String> s3Abort(FailureFacts f) {
    return List.of(
        f.file() + ": Aborting S3 upload, waiting for S3 workers to clean up and exit",
        f.file() + ": S3 processing has been aborted");
  }
}
