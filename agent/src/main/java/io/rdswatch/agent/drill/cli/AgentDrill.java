package io.rdswatch.agent.drill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rdswatch.agent.config.AgentConfiguration;
import io.rdswatch.agent.http.security.PemKeyStore;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** `drill` without --wait: hands the drill to the running agent through POST /api/drills. */
final class AgentDrill {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AgentConfiguration config;
  private final PrintStream out;
  private final PrintStream err;

  AgentDrill(AgentConfiguration config, PrintStream out, PrintStream err) {
    this.config = config;
    this.out = out;
    this.err = err;
  }

  int submit(String instance, String database) throws Exception {
    String token = config.getApi().token();
    if (token == null) {
      err.println(
          "rdswatch drill: the agent accepts drills only when api.token is set; or run it here with --wait");
      return 1;
    }
    String host = config.getHttp().getBind();
    host = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    // Over http.tls the agent's own certificate is the trust anchor; it must name 127.0.0.1 or the
    // bind address.
    String scheme = config.getHttp().getTls() == null ? "http" : "https";
    URI base =
        URI.create(
            scheme
                + "://"
                + (host.contains(":") ? "[" + host + "]" : host)
                + ":"
                + config.getHttp().getPort());
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/drills"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("instance", instance, "database", database))))
            .build();
    HttpResponse<String> response;
    try {
      HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
      if (config.getHttp().getTls() != null) {
        client.sslContext(PemKeyStore.trusting(config.getHttp().getTls().certFile()));
      }
      response = client.build().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      err.println(
          "rdswatch drill: no agent answers at "
              + base
              + " ("
              + e.getMessage()
              + "); run it here with --wait");
      return 1;
    }
    JsonNode body = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    if (response.statusCode() != 202) {
      err.println(
          "rdswatch drill: the agent refused ("
              + response.statusCode()
              + "): "
              + body.path("message").asText(response.body()));
      return 1;
    }
    String id = body.path("id").asText();
    out.println("drill " + id + " queued on the agent at " + base);
    out.println(
        "  follow it: "
            + base.resolve("/api/drills/" + id)
            + "  history: "
            + base.resolve("/drills"));
    return 0;
  }
}
