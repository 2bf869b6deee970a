package io.rdswatch.bench.driver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * CloudWatch as AWS SDK 2.57.8 speaks it (Smithy RPC v2 CBOR): every PutMetricData accepted with an
 * empty CBOR map. Runs in the harness JVM, so serving it never counts as agent CPU.
 */
final class FakeCloudWatch implements AutoCloseable {

  static final String PUT_PATH = "/service/GraniteServiceVersion20100801/operation/PutMetricData";
  private static final byte[] EMPTY_CBOR_MAP = {(byte) 0xA0};

  private final WireMockServer server =
      new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

  FakeCloudWatch() {
    server.start();
    server.stubFor(
        post(urlEqualTo(PUT_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/cbor")
                    .withHeader("smithy-protocol", "rpc-v2-cbor")
                    .withBody(EMPTY_CBOR_MAP)));
  }

  String endpoint() {
    return server.baseUrl();
  }

  int putRequests() {
    return server.countRequestsMatching(postRequestedFor(urlEqualTo(PUT_PATH)).build()).getCount();
  }

  @Override
  public void close() {
    server.stop();
  }
}
