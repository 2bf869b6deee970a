package io.rdswatch.agent.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.rdswatch.agent.aws.AwsReachability.Result;
import io.rdswatch.agent.aws.AwsReachability.Status;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchConfig;
import io.rdswatch.agent.aws.discovery.DiscoveryConfig;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AwsReachabilityTest {

  private static final String LIST_METRICS =
      "/service/GraniteServiceVersion20100801/operation/ListMetrics";

  private final WireMockServer aws = AwsFakes.wireMock();
  private final AwsReachability reachability = new AwsReachability(AwsFakes.factory());

  @AfterEach
  void stop() {
    aws.stop();
  }

  private CloudWatchConfig cloudWatch(String endpoint) {
    return AwsFakes.yaml(
        "{enabled: true, region: eu-west-1, endpoint: '" + endpoint + "'}", CloudWatchConfig.class);
  }

  private DiscoveryConfig discovery(String endpoint) {
    return AwsFakes.yaml(
        "aws: { regions: [eu-west-1, us-east-1], endpoint: '"
            + endpoint
            + "',"
            + " credentials: { default: { username: u, password: p } } }",
        DiscoveryConfig.class);
  }

  private static ResponseDefinitionBuilder cbor(int status, Object body) throws Exception {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/cbor")
        .withHeader("smithy-protocol", "rpc-v2-cbor")
        .withBody(new CBORMapper().writeValueAsBytes(body));
  }

  @Test
  void reportsCloudWatchAndEveryDiscoveryRegion() throws Exception {
    aws.stubFor(
        post(urlEqualTo(LIST_METRICS))
            .willReturn(
                cbor(
                    200,
                    Map.of(
                        "Metrics",
                        List.of(Map.of("Namespace", "RDSWatch", "MetricName", "InstanceUp"))))));
    aws.stubFor(
        post(urlEqualTo("/"))
            .withHeader("Authorization", containing("/eu-west-1/rds/"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances>"
                            + "<DBInstance><DBInstanceIdentifier>a</DBInstanceIdentifier><Engine>sqlserver-ee</Engine></DBInstance>"
                            + "<DBInstance><DBInstanceIdentifier>b</DBInstanceIdentifier><Engine>mysql</Engine></DBInstance>"
                            + "</DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>")));
    aws.stubFor(
        post(urlEqualTo("/"))
            .withHeader("Authorization", containing("/us-east-1/rds/"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                            + "<Message>not authorized to perform: rds:DescribeDBInstances</Message></Error></ErrorResponse>")));

    List<Result> results = reachability.check(cloudWatch(aws.baseUrl()), discovery(aws.baseUrl()));

    assertThat(results)
        .containsExactly(
            new Result(
                "cloudwatch",
                "eu-west-1",
                Status.OK,
                "reachable; 1 metric(s) in namespace RDSWatch so far"),
            new Result(
                "discovery",
                "eu-west-1",
                Status.OK,
                "reachable; 1 SQL Server instance(s) before tag filters"),
            new Result(
                "discovery",
                "us-east-1",
                Status.FAILED,
                "AccessDenied (HTTP 403): not authorized to perform: rds:DescribeDBInstances"));
  }

  @Test
  void aDeniedListMetricsIsOnlyAWarningButRejectedCredentialsFail() throws Exception {
    aws.stubFor(
        post(urlEqualTo(LIST_METRICS))
            .willReturn(cbor(403, Map.of("__type", "AccessDenied", "message", "no"))));
    assertThat(reachability.check(cloudWatch(aws.baseUrl()), new DiscoveryConfig()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(Status.WARN);
              assertThat(r.detail())
                  .startsWith("credentials accepted, but cloudwatch:ListMetrics is denied");
            });

    aws.stubFor(
        post(urlEqualTo(LIST_METRICS))
            .willReturn(
                cbor(
                    403,
                    Map.of(
                        "__type",
                        "InvalidClientTokenId",
                        "message",
                        "The security token included in the request is invalid."))));
    assertThat(reachability.check(cloudWatch(aws.baseUrl()), new DiscoveryConfig()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(Status.FAILED);
              assertThat(r.detail()).startsWith("InvalidClientTokenId (HTTP 403)");
            });
  }

  @Test
  void anUnreachableEndpointFailsWithTheNetworkError() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    List<Result> results =
        reachability.check(cloudWatch("http://127.0.0.1:" + closed), new DiscoveryConfig());
    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(Status.FAILED);
              assertThat(r.detail()).contains("Connect").contains("refused");
            });
  }

  @Test
  void nothingConfiguredMeansNothingToReport() {
    assertThat(reachability.check(new CloudWatchConfig(), new DiscoveryConfig())).isEmpty();
  }
}
