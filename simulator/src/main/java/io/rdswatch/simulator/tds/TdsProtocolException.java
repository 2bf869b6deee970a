package io.rdswatch.simulator.tds;

import java.io.IOException;

/** A client sent something this server cannot parse or does not support. */
public final class TdsProtocolException extends IOException {
  private static final long serialVersionUID = 1L;

  public TdsProtocolException(String message) {
    super(message);
  }
}
