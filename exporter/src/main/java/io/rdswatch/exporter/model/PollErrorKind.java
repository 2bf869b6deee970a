package io.rdswatch.exporter.model;

import java.util.Locale;

/** Why a poll of one instance failed; the `kind` label of rdswatch_poll_errors_total. */
public enum PollErrorKind {
  CONNECT,
  LOGIN,
  TIMEOUT,
  QUERY,
  PARSE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
