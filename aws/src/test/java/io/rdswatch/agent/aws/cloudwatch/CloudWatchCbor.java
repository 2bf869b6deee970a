package io.rdswatch.agent.aws.cloudwatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch as SDK 2.57.8 speaks it: Smithy RPC v2 CBOR, one URL per operation, CBOR bodies both
 * ways, errors as {"__type", "message"} maps.
 */
public final class CloudWatchCbor {

  public static final String PUT_PATH =
      "/service/GraniteServiceVersion20100801/operation/PutMetricData";
  private static final CBORMapper CBOR = new CBORMapper();

  /** A decoded request: its raw size, and the datums in it. */
  public record Put(int bytes, JsonNode body) {
    public List<JsonNode> datums() {
      List<JsonNode> out = new ArrayList<>();
      body.get("MetricData").forEach(out::add);
      return out;
    }
  }

  private CloudWatchCbor() {}

  public static MappingBuilder put() {
    return post(urlEqualTo(PUT_PATH));
  }

  public static ResponseDefinitionBuilder ok() {
    return cbor(200, Map.of());
  }

  public static ResponseDefinitionBuilder error(int status, String type, String message) {
    return cbor(status, Map.of("__type", type, "message", message));
  }

  private static ResponseDefinitionBuilder cbor(int status, Map<String, String> body) {
    try {
      return aResponse()
          .withStatus(status)
          .withHeader("Content-Type", "application/cbor")
          .withHeader("smithy-protocol", "rpc-v2-cbor")
          .withBody(CBOR.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every PutMetricData received, in arrival order, decoded. */
  public static List<Put> puts(WireMockServer server) {
    List<Put> puts = new ArrayList<>();
    for (LoggedRequest r : server.findAll(postRequestedFor(urlEqualTo(PUT_PATH)))) {
      try {
        puts.add(new Put(r.getBody().length, CBOR.readTree(r.getBody())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return puts;
  }

  public static List<JsonNode> datums(WireMockServer server) {
    return puts(server).stream().flatMap(p -> p.datums().stream()).toList();
  }

  /** Dimensions as "Name=Value" strings in request order. */
  public static List<String> dimensions(JsonNode datum) {
    List<String> out = new ArrayList<>();
    JsonNode dims = datum.get("Dimensions");
    if (dims != null) {
      dims.forEach(d -> out.add(d.get("Name").asText() + "=" + d.get("Value").asText()));
    }
    return out;
  }
}
