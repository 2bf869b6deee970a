package io.rdswatch.agent.track;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what one class logs while the capture is open, from any thread. */
public final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public LogCapture(Class<?> source) {
    logger = (Logger) LoggerFactory.getLogger(source);
    appender.start();
    logger.addAppender(appender);
  }

  /** "LEVEL message" lines. */
  public List<String> lines() {
    return events().stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  /** "thread: LEVEL message" lines: which thread did the work. */
  public List<String> linesWithThreads() {
    return events().stream()
        .map(e -> e.getThreadName() + ": " + e.getLevel() + " " + e.getFormattedMessage())
        .toList();
  }

  private List<ILoggingEvent> events() {
    synchronized (appender) { // the appender adds under this lock, on the logging thread
      return List.copyOf(appender.list);
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
