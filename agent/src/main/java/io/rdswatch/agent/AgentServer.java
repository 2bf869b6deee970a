package io.rdswatch.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.rdswatch.agent.config.AgentConfiguration;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Runs {@link RdswatchApplication} in this process with an already validated configuration, the way
 * Dropwizard's `server` command would, minus Dropwizard's argparse front. Jetty stops on JVM
 * shutdown (SIGTERM), which stops the managed poller and flushes every tracker's state.
 */
public final class AgentServer implements AutoCloseable {

  private final RdswatchApplication app;
  private final Server server;

  private AgentServer(RdswatchApplication app, Server server) {
    this.app = app;
    this.server = server;
  }

  public static AgentServer start(RdswatchApplication app, AgentConfiguration config)
      throws Exception {
    quietStartupFailureLog(config);
    Bootstrap<AgentConfiguration> bootstrap = new Bootstrap<>(app);
    app.initialize(bootstrap);
    bootstrap.setConfigurationFactoryFactory(
        (klass, validator, mapper, prefix) -> preloaded(config));
    new ServerCommand<>(app)
        .run(bootstrap, new Namespace(Map.of("file", "(validated configuration)")));
    return new AgentServer(app, app.server());
  }

  public AgentRuntime runtime() {
    return app.runtime();
  }

  /** The bound port of the application connector (/metrics, /api). */
  public int applicationPort() {
    return port(0);
  }

  public int adminPort() {
    return port(1);
  }

  public URI applicationUri() {
    return URI.create(scheme(0) + "://" + host(0) + ":" + applicationPort());
  }

  public URI adminUri() {
    return URI.create(scheme(1) + "://" + host(1) + ":" + adminPort());
  }

  /** The address the admin connector is bound to, as configured (http.adminBind). */
  public String adminBindAddress() {
    return ((ServerConnector) server.getConnectors()[1]).getHost();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops Jetty, which stops the poller and flushes every instance's state. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the agent failed: " + e.getMessage(), e);
    }
  }

  /** DefaultServerFactory adds the application connectors first, then the admin ones. */
  private int port(int index) {
    return ((ServerConnector) server.getConnectors()[index]).getLocalPort();
  }

  private String scheme(int index) {
    return server.getConnectors()[index].getProtocols().stream()
            .anyMatch(p -> p.equalsIgnoreCase("ssl"))
        ? "https"
        : "http";
  }

  private String host(int index) {
    Connector c = server.getConnectors()[index];
    String host = ((ServerConnector) c).getHost();
    return host == null || host.equals("0.0.0.0") ? "127.0.0.1" : host;
  }

  private static ConfigurationFactory<AgentConfiguration> preloaded(AgentConfiguration config) {
    return new ConfigurationFactory<>() {
      @Override
      public AgentConfiguration build(ConfigurationSourceProvider provider, String path) {
        return config;
      }

      @Override
      public AgentConfiguration build() {
        return config;
      }
    };
  }

  /**
   * ServerCommand logs a failed start with a stack trace; the CLI reports it in one line instead.
   */
  private static void quietStartupFailureLog(AgentConfiguration config) {
    if (config.getLoggingFactory() instanceof DefaultLoggingFactory logging) {
      Map<String, JsonNode> loggers = new HashMap<>(logging.getLoggers());
      loggers.putIfAbsent(ServerCommand.class.getName(), TextNode.valueOf("OFF"));
      logging.setLoggers(loggers);
    }
  }
}
