package io.rdswatch.agent.aws.cloudwatch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * Datums waiting to be sent, oldest first, never more than {@code capacity}: adding beyond it drops
 * the oldest, because during a long outage the newest values are the ones worth sending. Used by
 * the publisher thread only; not thread-safe.
 */
final class DatumBuffer {

  private final int capacity;
  private final ArrayDeque<MetricDatum> datums = new ArrayDeque<>();

  DatumBuffer(int capacity) {
    this.capacity = capacity;
  }

  /** Appends, then trims from the head; returns how many were dropped. */
  int add(List<MetricDatum> fresh) {
    datums.addAll(fresh);
    int dropped = 0;
    while (datums.size() > capacity) {
      datums.pollFirst();
      dropped++;
    }
    return dropped;
  }

  List<MetricDatum> contents() {
    return new ArrayList<>(datums);
  }

  void removeOldest(int count) {
    for (int i = 0; i < count && !datums.isEmpty(); i++) {
      datums.pollFirst();
    }
  }

  int size() {
    return datums.size();
  }
}
