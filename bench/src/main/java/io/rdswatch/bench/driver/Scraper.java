package io.rdswatch.bench.driver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** GETs against an agent, timed from sending the request to having read the whole body. */
public final class Scraper {

  /**
   * One response: when it was asked for and complete (System.nanoTime, and wall millis at the end).
   * The body is read as bytes, as Prometheus reads it, and decoded only when someone looks.
   */
  public record Response(
      int status, byte[] bytes, long startNanos, long endNanos, long endWallMillis) {
    public double millis() {
      return (endNanos - startNanos) / 1e6;
    }

    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** What Prometheus 2.x and 3.x send by default: OpenMetrics preferred, text 0.0.4 accepted. */
  static final String PROMETHEUS_ACCEPT =
      "application/openmetrics-text;version=1.0.0,"
          + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;

  public Scraper(URI base) {
    this.base = base;
  }

  public Response get(String path) throws IOException, InterruptedException {
    return get(path, "*/*");
  }

  /** /metrics as Prometheus asks for it by default, compressed; the body stays gzipped. */
  public Response metricsGzipped() throws IOException, InterruptedException {
    return get("/metrics", PROMETHEUS_ACCEPT, "gzip");
  }

  private Response get(String path, String accept) throws IOException, InterruptedException {
    return get(path, accept, "identity");
  }

  private Response get(String path, String accept, String encoding)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", accept)
            .header("Accept-Encoding", encoding)
            .GET()
            .build();
    long t0 = System.nanoTime();
    HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Response(
        r.statusCode(), r.body(), t0, System.nanoTime(), System.currentTimeMillis());
  }

  /** /metrics as Prometheus asks for it (so OpenMetrics), which must answer 200. */
  public Response metrics() throws IOException, InterruptedException {
    Response r = get("/metrics", PROMETHEUS_ACCEPT);
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
    throw new IllegalStateException(
        "the agent did not serve "
            + base
            + "/metrics within "
            + timeout.toSeconds()
            + " s; see "
            + agent.log());
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
