package io.rdswatch.agent.track;

import java.util.Optional;

/**
 * Durable per-instance tracker state. Implementations must be safe to call from one tracker per
 * instance concurrently (different instances never share a state).
 */
public interface StateStore {

  /**
   * The last saved state, or empty when there is none or it cannot be trusted; never throws for a
   * missing, corrupt or unreadable file (it logs a warning instead).
   */
  Optional<InstanceState> load(String instance);

  /**
   * Replaces the saved state as one atomic step: after a crash at any moment, {@link #load} returns
   * either the old or the new state, never a mix.
   *
   * @throws java.io.UncheckedIOException if the state could not be written; the old one is intact
   */
  void save(String instance, InstanceState state);
}
