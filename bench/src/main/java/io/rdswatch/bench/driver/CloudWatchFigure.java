package io.rdswatch.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;
import io.rdswatch.bench.report.Row;
import io.rdswatch.bench.report.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Figure 7: the agent's CloudWatch publisher over the N-instance snapshot, against WireMock. Each
 * publish must take exactly ceil(datums / 1000) PutMetricData requests; its time runs from reading
 * the snapshot to the last response.
 */
final class CloudWatchFigure {

  private static final long INTERVAL_MILLIS = 500;

  private CloudWatchFigure() {}

  static void figure7(Run run, ChildJvm agent) throws InterruptedException {
    try (FakeCloudWatch aws = new FakeCloudWatch()) {
      JsonNode reply =
          agent.call(
              "cloudwatch "
                  + aws.endpoint()
                  + " "
                  + run.options().repetitions
                  + " "
                  + INTERVAL_MILLIS,
              Timeouts.CYCLE);
      int received = aws.putRequests();
      List<Double> seconds = new ArrayList<>();
      boolean minimal = true;
      int datums = 0;
      int requests = 0;
      int published = 0;
      for (JsonNode p : reply.get("publishes")) {
        datums = p.get("datums").asInt();
        requests = p.get("requests").asInt();
        minimal &= requests == (datums + 999) / 1000;
        seconds.add(p.get("wallNanos").asLong() / 1e9);
        published += requests;
      }
      int sent = reply.get("requestsSentInAll").asInt();
      boolean allArrived = received >= sent && sent >= published;
      double median = Stats.median(seconds);
      var r = run.results();
      r.add(
          Row.checked(
              "7",
              "PutMetricData requests per publish",
              requests,
              String.format("%d for %d datums", requests, datums),
              "= ceil(datums/1000), all publishes",
              minimal && allArrived && seconds.size() == run.options().repetitions));
      r.add(Row.info("7", "publish time", median, String.format("%.3f s", median)));
      r.add(
          Row.info(
              "7",
              "publish time per request",
              median / Math.max(1, requests),
              String.format("%.1f ms", median * 1e3 / Math.max(1, requests))));
      r.detail(
          "figure7",
          Map.of(
              "publishes",
              reply.get("publishes"),
              "requestsSentByAgent",
              sent,
              "requestsReceivedByWireMock",
              received));
    }
  }
}
