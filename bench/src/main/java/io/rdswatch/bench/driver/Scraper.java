package io.rdswatch.bench.driver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GETs against an agent, timed from sending the request to having read the whole body. */
public final class Scraper {

  /** One response: when it was asked for and complete (System.nanoTime, and wall millis at the end). */
  public record Response(int status, String body, long startNanos, long endNanos, long endWallMillis) {
    public double millis() {
      return (endNanos - startNanos) / 1e6;
    }
  }

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final URI base;

  public Scraper(URI base) {
    this.base = base;
  }

  public Response get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build();
    long t0 = System.nanoTime();
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body(), t0, System.nanoTime(), System.currentTimeMillis());
  }

  /** /metrics, which must answer 200. */
  public Response metrics() throws IOException, InterruptedException {
    Response r = get("/metrics");
    if (r.status() != 200) {
      throw new IOException(base + "/metrics answered " + r.status());
    }
    return r;
  }

  /** Waits until /metrics answers 200 (the agent is up), or fails after {@code timeout}. */
  public void awaitUp(Duration timeout, ChildJvm agent) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (get("/metrics").status() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the agent did not serve " + base + "/metrics within " + timeout.toSeconds()
        + " s; see " + agent.log());
  }

  /**
   * Sum of a counter's samples whose label text contains every given {@code name="value"} pair,
   * read from a text-format page; 0 when there are none (a counter not yet created).
   */
  public static double sum(String page, String metric, String... labelPairs) {
    double total = 0;
    String prefix = metric + "{";
    int at = 0;
    while ((at = page.indexOf(prefix, at)) >= 0) {
      int end = page.indexOf('\n', at);
      String line = page.substring(at, end < 0 ? page.length() : end);
      at = end < 0 ? page.length() : end;
      boolean all = true;
      for (String pair : labelPairs) {
        all &= line.contains(pair);
      }
      if (all) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }
}
