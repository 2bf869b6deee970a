package io.rdswatch.agent.http.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps Jetty's DEBUG and TRACE output off whatever level the logging config or the log-level task
 * sets: Jetty's parser logs every request header at DEBUG, the API token and basic-auth passwords
 * among them (README, Security: secrets are never logged). Jetty's INFO and above still pass.
 */
public final class NoJettyDebugLogging extends TurboFilter {

  private static final String JETTY = "org.eclipse.jetty";

  /**
   * Adds the filter to the logging context once; Dropwizard has configured logging by the time
   * run() is called.
   */
  public static void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(f -> f instanceof NoJettyDebugLogging)) {
      NoJettyDebugLogging filter = new NoJettyDebugLogging();
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    return level != null
            && !level.isGreaterOrEqual(Level.INFO)
            && logger.getName().startsWith(JETTY)
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }
}
