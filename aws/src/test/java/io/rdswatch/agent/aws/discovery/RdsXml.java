package io.rdswatch.agent.aws.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;
import java.util.Map;

/**
 * RDS's query protocol as WireMock sees it: form-encoded POST / with Action=DescribeDBInstances,
 * the region in the SigV4 credential scope, XML responses with a Marker for the next page.
 */
public final class RdsXml {

  /**
   * @param replicaOf ReadReplicaSourceDBInstanceIdentifier, or null
   * @param replicas ReadReplicaDBInstanceIdentifiers (ARNs for cross-region replicas)
   * @param timezone Timezone, or null: RDS leaves it out for instances in the default zone
   */
  public record Db(
      String id,
      String engine,
      String host,
      int port,
      String window,
      Map<String, String> tags,
      String status,
      boolean multiAz,
      String replicaOf,
      List<String> replicas,
      String timezone) {

    public Db(
        String id, String engine, String host, int port, String window, Map<String, String> tags) {
      this(id, engine, host, port, window, tags, "available", false, null, List.of(), null);
    }

    public static Db sqlServer(String id, int port, Map<String, String> tags) {
      return new Db(id, "sqlserver-se", id + ".abc.rds.amazonaws.com", port, "03:00-03:30", tags);
    }

    public Db withStatus(String s) {
      return new Db(
          id, engine, host, port, window, tags, s, multiAz, replicaOf, replicas, timezone);
    }

    public Db withEngine(String e) {
      return new Db(
          id, e, host, port, window, tags, status, multiAz, replicaOf, replicas, timezone);
    }

    public Db asMultiAz() {
      return new Db(
          id, engine, host, port, window, tags, status, true, replicaOf, replicas, timezone);
    }

    public Db replicaOf(String source) {
      return new Db(
          id, engine, host, port, window, tags, status, multiAz, source, replicas, timezone);
    }

    public Db withTimezone(String zone) {
      return new Db(
          id, engine, host, port, window, tags, status, multiAz, replicaOf, replicas, zone);
    }

    public Db withReplicas(String... ids) {
      return new Db(
          id, engine, host, port, window, tags, status, multiAz, replicaOf, List.of(ids), timezone);
    }
  }

  private RdsXml() {}

  /** Page 1 (no Marker in the request) or the page asked for with Marker=marker. */
  public static MappingBuilder describe(String region, String marker) {
    MappingBuilder m =
        post(urlEqualTo("/"))
            .withHeader("Authorization", containing("/" + region + "/rds/aws4_request"))
            .withRequestBody(containing("Action=DescribeDBInstances"));
    return marker == null
        ? m.withRequestBody(notContaining("Marker="))
        : m.withRequestBody(containing("Marker=" + marker));
  }

  public static ResponseDefinitionBuilder page(String nextMarker, Db... dbs) {
    StringBuilder xml = new StringBuilder();
    xml.append("<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">")
        .append("<DescribeDBInstancesResult>");
    if (nextMarker != null) {
      xml.append("<Marker>").append(nextMarker).append("</Marker>");
    }
    xml.append("<DBInstances>");
    for (Db db : dbs) {
      xml.append("<DBInstance><DBInstanceIdentifier>")
          .append(db.id())
          .append("</DBInstanceIdentifier>")
          .append("<Engine>")
          .append(db.engine())
          .append("</Engine>")
          .append("<DBInstanceStatus>")
          .append(db.status())
          .append("</DBInstanceStatus>")
          .append("<MultiAZ>")
          .append(db.multiAz())
          .append("</MultiAZ>");
      if (db.replicaOf() != null) {
        xml.append("<ReadReplicaSourceDBInstanceIdentifier>")
            .append(db.replicaOf())
            .append("</ReadReplicaSourceDBInstanceIdentifier>");
      }
      xml.append("<ReadReplicaDBInstanceIdentifiers>");
      db.replicas()
          .forEach(
              r ->
                  xml.append("<ReadReplicaDBInstanceIdentifier>")
                      .append(r)
                      .append("</ReadReplicaDBInstanceIdentifier>"));
      xml.append("</ReadReplicaDBInstanceIdentifiers>");
      if (db.host() != null) {
        xml.append("<Endpoint><Address>")
            .append(db.host())
            .append("</Address><Port>")
            .append(db.port())
            .append("</Port><HostedZoneId>Z1</HostedZoneId></Endpoint>");
      }
      if (db.timezone() != null) {
        xml.append("<Timezone>").append(db.timezone()).append("</Timezone>");
      }
      if (db.window() != null) {
        xml.append("<PreferredBackupWindow>")
            .append(db.window())
            .append("</PreferredBackupWindow>");
      }
      xml.append("<TagList>");
      db.tags()
          .forEach(
              (k, v) ->
                  xml.append("<Tag><Key>")
                      .append(k)
                      .append("</Key><Value>")
                      .append(v)
                      .append("</Value></Tag>"));
      xml.append("</TagList></DBInstance>");
    }
    xml.append("</DBInstances></DescribeDBInstancesResult>")
        .append("<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>")
        .append("</DescribeDBInstancesResponse>");
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/xml")
        .withBody(xml.toString());
  }

  public static ResponseDefinitionBuilder error(int status, String code, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "text/xml")
        .withBody(
            "<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error><Type>Sender</Type>"
                + "<Code>"
                + code
                + "</Code><Message>"
                + message
                + "</Message></Error>"
                + "<RequestId>req-err</RequestId></ErrorResponse>");
  }
}
