package io.rdswatch.agent.feature;

import io.dropwizard.configuration.ConfigurationException;
import java.util.List;

/**
 * A config file that cannot be used. The message is Dropwizard's multi-line format: the file, then
 * one " * path: rule" line per problem, every problem at once.
 */
public final class ConfigException extends ConfigurationException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String file, List<String> errors) {
    super(file, List.copyOf(errors));
  }

  public List<String> errors() {
    return List.copyOf(getErrors());
  }
}
