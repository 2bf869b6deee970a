package io.rdswatch.agent.drill.run;

/**
 * A preflight check failed: the drill is recorded as skipped with this bounded code and reason, and
 * nothing was changed on any instance.
 */
final class DrillSkipped extends Exception {
  private static final long serialVersionUID = 1L;
  private final String code;

  DrillSkipped(String code, String reason) {
    super(reason, null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }
}
