package io.rdswatch.exporter.model;

/**
 * A failure reason and the task_info entry that decided it.
 *
 * @param evidence the deciding entry as logged (whitespace collapsed), or null when nothing did
 */
public record Classification(FailureReason reason, String evidence) {

  public static final Classification UNKNOWN = new Classification(FailureReason.UNKNOWN, null);

  public String label() {
    return reason.label();
  }
}
