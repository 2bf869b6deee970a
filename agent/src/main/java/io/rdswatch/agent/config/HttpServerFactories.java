package io.rdswatch.agent.config;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.util.List;

/**
 * Turns the `http` section into Dropwizard's default server: the application connector on
 * http.bind:http.port (metrics, API, landing page) and the admin connector on http.bind:http.adminPort
 * (health checks). No request log: Prometheus scrapes every few seconds and would flood it.
 */
final class HttpServerFactories {

  private HttpServerFactories() {}

  static ServerFactory from(HttpConfig http) {
    DefaultServerFactory server = new DefaultServerFactory();
    server.setApplicationConnectors(List.of(connector(http.getBind(), http.getPort())));
    server.setAdminConnectors(List.of(connector(http.getBind(), http.getAdminPort())));
    LogbackAccessRequestLogFactory requestLog = new LogbackAccessRequestLogFactory();
    requestLog.setAppenders(List.of());
    server.setRequestLogFactory(requestLog);
    return server;
  }

  private static ConnectorFactory connector(String bind, int port) {
    HttpConnectorFactory connector = new HttpConnectorFactory();
    connector.setBindHost(bind);
    connector.setPort(port);
    return connector;
  }
}
