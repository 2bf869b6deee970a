package io.rdswatch.agent.aws.discovery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns RDS tags into rdswatch_instance_info labels: "tag_" + the key with every character outside
 * [a-zA-Z0-9_] replaced by "_". The prefix keeps tags from colliding with rds_instance/host or
 * starting with the reserved "__"; keys that collide after sanitising keep the first in key order.
 */
final class TagLabels {

  private TagLabels() {}

  /**
   * @param skipKeys tags that are not labels (the login secret tags); null entries are ignored
   */
  static Map<String, String> of(Map<String, String> tags, java.util.Collection<String> skipKeys) {
    Map<String, String> labels = new LinkedHashMap<>();
    new TreeMap<>(tags)
        .forEach(
            (key, value) -> {
              if (!skipKeys.contains(key)) {
                labels.putIfAbsent(name(key), value);
              }
            });
    return labels;
  }

  static String name(String tagKey) {
    return "tag_" + tagKey.replaceAll("[^a-zA-Z0-9_]", "_");
  }
}
