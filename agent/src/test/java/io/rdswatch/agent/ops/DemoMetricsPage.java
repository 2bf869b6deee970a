package io.rdswatch.agent.ops;

import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.rdswatch.agent.aws.AwsFakes;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchCbor;
import io.rdswatch.agent.demo.Demo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real /metrics page of `rdswatch demo` after every instance has been polled once, with
 * CloudWatch publishing on (to a WireMock CloudWatch, so rdswatch_cloudwatch_* are on the page
 * too). The agent's first publish comes only after its interval, so the fake credentials matter
 * only on a slow machine.
 */
final class DemoMetricsPage {

  static final int INSTANCES = 3;

  private DemoMetricsPage() {}

  static String scrape(Path dir) throws Exception {
    WireMockServer cloudWatch = AwsFakes.wireMock();
    AwsFakes.setSystemCredentials();
    Demo.Options options =
        new Demo.Options(INSTANCES, 0, 60, 0, dir.resolve("work"), dir.resolve("rdswatch-demo.yml"))
            .publishingTo(URI.create(cloudWatch.baseUrl()));
    try (Demo demo = Demo.start(options)) {
      cloudWatch.stubFor(CloudWatchCbor.put().willReturn(CloudWatchCbor.ok()));
      demo.runtime()
          .poller()
          .pollOnce(); // instances the schedule is polling right now finish on their own
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  demo.runtime().fleet().snapshot().instances().stream().filter(i -> i.up()).count()
                      == INSTANCES);
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(demo.metricsUri()).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } finally {
      cloudWatch.stop();
      AwsFakes.clearSystemCredentials();
    }
  }
}
