package io.rdswatch.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.rdswatch.bench.wire.Wire;
import java.io.IOException;

/**
 * One freshness sample. Waits for the scheduled agent's first poll of its instance, waits a set
 * share of the interval more, makes a backup on the instance turn ERROR at once, and then watches
 * /metrics until that instance's rdswatch_task_failures_total for the database rises.
 */
final class FreshnessProbe {

  enum Stage {
    WAIT_FIRST_POLL,
    WAIT_TRIGGER,
    WATCHING,
    DONE
  }

  private final String instance;
  private final long delayMillis;
  private Stage stage = Stage.WAIT_FIRST_POLL;
  private long triggerAtMillis;
  private String database;
  private double before;
  private long erroredAtMillis;
  private double seconds = Double.NaN;

  FreshnessProbe(String instance, long delayMillis) {
    this.instance = instance;
    this.delayMillis = delayMillis;
  }

  Stage stage() {
    return stage;
  }

  String instance() {
    return instance;
  }

  /** Seconds from ERROR to the rise on /metrics; NaN if it never rose. */
  double seconds() {
    return seconds;
  }

  void checkFirstPoll(Scraper agent) throws IOException, InterruptedException {
    Scraper.Response r = agent.get("/api/instances/" + instance);
    if (r.status() == 200 && !Wire.JSON.readTree(r.body()).path("lastPoll").isNull()) {
      stage = Stage.WAIT_TRIGGER;
      triggerAtMillis = System.currentTimeMillis() + delayMillis;
    }
  }

  boolean due() {
    return stage == Stage.WAIT_TRIGGER && System.currentTimeMillis() >= triggerAtMillis;
  }

  void trigger(Scraper agent, ChildJvm fleet) throws IOException, InterruptedException {
    String page = agent.metrics().body();
    JsonNode failed = fleet.call("fail " + instance, Timeouts.QUICK);
    database = failed.get("database").asText();
    before = failures(page);
    erroredAtMillis = failed.get("erroredAtMillis").asLong();
    stage = Stage.WATCHING;
  }

  /**
   * Looks at one page, completely read at {@code readAtMillis}; done once the counter has risen.
   */
  void observe(String page, long readAtMillis, long giveUpAfterMillis) {
    if (stage != Stage.WATCHING) {
      return;
    }
    if (failures(page) > before) {
      seconds = (readAtMillis - erroredAtMillis) / 1000.0;
      stage = Stage.DONE;
    } else if (readAtMillis - erroredAtMillis > giveUpAfterMillis) {
      stage = Stage.DONE;
    }
  }

  private double failures(String page) {
    return Scraper.sum(
        page,
        "rdswatch_task_failures_total",
        "rds_instance=\"" + instance + "\"",
        "database=\"" + database + "\"");
  }
}
