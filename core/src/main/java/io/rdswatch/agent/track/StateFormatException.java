package io.rdswatch.agent.track;

/** A state file that cannot be trusted; the message names the field and what is wrong with it. */
final class StateFormatException extends Exception {

  StateFormatException(String message) {
    super(message);
  }
}
