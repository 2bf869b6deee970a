package io.rdswatch.agent.aws.discovery;

import java.util.Map;

/**
 * includeTags: every pair must be present (empty = accept all, untagged instances included).
 * excludeTags: any one pair present rejects the instance.
 */
record TagFilter(Map<String, String> include, Map<String, String> exclude) {

  boolean accepts(Map<String, String> tags) {
    boolean included =
        include.entrySet().stream().allMatch(e -> e.getValue().equals(tags.get(e.getKey())));
    boolean excluded =
        exclude.entrySet().stream().anyMatch(e -> e.getValue().equals(tags.get(e.getKey())));
    return included && !excluded;
  }
}
