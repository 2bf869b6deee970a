package io.rdswatch.agent.config;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.rdswatch.agent.http.security.PemHttpsConnectorFactory;
import java.util.List;

/**
 * Turns the `http` section into Dropwizard's default server: the application connector on
 * http.bind:http.port (metrics, API, landing page) and the admin connector on
 * http.adminBind:http.adminPort (health checks), both HTTPS when http.tls is set. No request log:
 * Prometheus scrapes every few seconds and would flood it.
 */
final class HttpServerFactories {

  private HttpServerFactories() {}

  static ServerFactory from(HttpConfig http) {
    DefaultServerFactory server = new DefaultServerFactory();
    server.setApplicationConnectors(List.of(connector(http, http.getBind(), http.getPort())));
    server.setAdminConnectors(List.of(connector(http, http.getAdminBind(), http.getAdminPort())));
    LogbackAccessRequestLogFactory requestLog = new LogbackAccessRequestLogFactory();
    requestLog.setAppenders(List.of());
    server.setRequestLogFactory(requestLog);
    return server;
  }

  private static ConnectorFactory connector(HttpConfig http, String bind, int port) {
    HttpConnectorFactory connector =
        http.getTls() == null
            ? new HttpConnectorFactory()
            : new PemHttpsConnectorFactory(http.getTls());
    connector.setBindHost(bind);
    connector.setPort(port);
    return connector;
  }
}
