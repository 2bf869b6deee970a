package io.rdswatch.agent.poll;

import io.rdswatch.agent.sql.DatabaseCatalogQuery;
import io.rdswatch.agent.sql.PollException;
import io.rdswatch.agent.track.TaskTracker;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one instance's database catalog after a successful poll when the last read is older than
 * the refresh interval. A failed read does not fail the poll (the task metrics are fine); the last
 * catalog stays, the problem is logged once, and the next poll tries again.
 */
final class CatalogRefresh {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogRefresh.class);

  private final DatabaseCatalogQuery query;
  private Instant readAt; // only touched by the thread holding the poll claim
  private String lastProblem;

  CatalogRefresh(DatabaseCatalogQuery query) {
    this.query = query;
  }

  void refreshIfDue(Connection connection, TaskTracker tracker, Instant now) {
    Duration every = tracker.coverage().refresh();
    if (readAt != null && Duration.between(readAt, now).compareTo(every) < 0) {
      return;
    }
    try {
      tracker.catalogRead(query.read(connection, tracker.serverTime()));
      readAt = now;
      lastProblem = null;
    } catch (PollException e) {
      if (!e.getMessage().equals(lastProblem)) {
        LOG.warn(
            "{}: cannot list databases ({}): {}; database coverage is not updated",
            tracker.target().name(),
            e.kind().label(),
            e.getMessage());
      }
      lastProblem = e.getMessage();
    }
  }
}
