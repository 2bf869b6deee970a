package io.rdswatch.simulator.scenario;

/** A scenario that cannot be used; the message names the field and the rule it breaks. */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScenarioException(String message) {
    super(message);
  }

  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
