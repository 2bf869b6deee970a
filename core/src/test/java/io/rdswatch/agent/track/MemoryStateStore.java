package io.rdswatch.agent.track;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps state as encoded JSON bytes, so every save/load goes through the real file format, and can
 * simulate a kill -9 just before or just after a save commits.
 */
public final class MemoryStateStore implements StateStore {

  /** The process "died": thrown past the tracker, which only catches RuntimeException. */
  static final class SimulatedCrash extends Error {
    SimulatedCrash() {
      super("simulated kill -9");
    }
  }

  enum Fault {
    NONE,
    CRASH_BEFORE_COMMIT,
    CRASH_AFTER_COMMIT,
    IO_ERROR
  }

  private final Map<String, byte[]> files = new HashMap<>();
  private Fault nextSave = Fault.NONE;
  int saves;

  void failNextSave(Fault fault) {
    nextSave = fault;
  }

  @Override
  public Optional<InstanceState> load(String instance) {
    byte[] bytes = files.get(instance);
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(StateJson.decode(instance, bytes));
    } catch (StateFormatException e) {
      throw new AssertionError("memory store holds a bad file: " + e.getMessage(), e);
    }
  }

  @Override
  public void save(String instance, InstanceState state) {
    Fault fault = nextSave;
    nextSave = Fault.NONE;
    switch (fault) {
      case CRASH_BEFORE_COMMIT -> throw new SimulatedCrash();
      case IO_ERROR -> throw new UncheckedIOException(new java.io.IOException("disk full"));
      default -> {}
    }
    files.put(instance, StateJson.encode(instance, state, Instant.EPOCH));
    saves++;
    if (fault == Fault.CRASH_AFTER_COMMIT) {
      throw new SimulatedCrash();
    }
  }
}
