package io.rdswatch.agent.feature;

import java.util.List;

/**
 * A feature's top-level section of the YAML file. The feature owns the section's type and its
 * rules; the composition root binds the section, lists it with the others, and runs every section's
 * check before anything starts (README "Architecture").
 */
public interface ConfigSection {

  /**
   * Adds one "path.key: rule" line to {@code errors} for each rule the section breaks. A section
   * reports only what it owns, never a value that could be a secret.
   *
   * @param path the section's key in the file, such as "drills"
   * @param facts what the rest of the file says that the section's rules depend on
   */
  void check(String path, ConfigFacts facts, List<String> errors);
}
