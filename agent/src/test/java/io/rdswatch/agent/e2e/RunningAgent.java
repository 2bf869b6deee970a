package io.rdswatch.agent.e2e;

import io.rdswatch.agent.AgentRuntime;
import io.rdswatch.agent.AgentServer;
import io.rdswatch.agent.RdswatchApplication;
import io.rdswatch.agent.config.AgentConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** The real agent (Dropwizard, Jetty, poller) in this JVM on free ports, with an HTTP client. */
final class RunningAgent implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final AgentServer server;

  private RunningAgent(AgentServer server) {
    this.server = server;
  }

  /**
   * @param scheduled false: polls happen only on {@link #pollOnce()}
   */
  static RunningAgent start(AgentConfiguration config, Clock clock, boolean scheduled)
      throws Exception {
    return new RunningAgent(AgentServer.start(new RdswatchApplication(clock, scheduled), config));
  }

  AgentRuntime runtime() {
    return server.runtime();
  }

  void pollOnce() {
    runtime().poller().pollOnce();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(server.applicationUri(), path, null);
  }

  HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    return get(server.applicationUri(), path, accept);
  }

  HttpResponse<String> admin(String path) throws IOException, InterruptedException {
    return get(server.adminUri(), path, null);
  }

  String metrics() throws IOException, InterruptedException {
    HttpResponse<String> response = get("/metrics");
    if (response.statusCode() != 200) {
      throw new IOException("/metrics answered " + response.statusCode());
    }
    return response.body();
  }

  private static HttpResponse<String> get(URI base, String path, String accept)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.close();
  }
}
