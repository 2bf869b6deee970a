package io.rdswatch.simulator.rds;

/**
 * Wordings of task_info that differ between RDS engine versions (README: failure reasons).
 *
 * @param legacyWindowAbort a backup aborted by the automated backup window logs only the generic
 *     abort line and the I/O error 995 lines, without the newer explicit "Aborting native backup
 *     because there is an RDS automated backup in progress." line
 * @param existingNameFailsInTask a restore onto a name already in use is queued and then fails in
 *     the task with the "same file_guids" text, instead of the documented error at submit
 */
public record TaskInfoWording(boolean legacyWindowAbort, boolean existingNameFailsInTask) {

  public static final TaskInfoWording CURRENT = new TaskInfoWording(false, false);
}
