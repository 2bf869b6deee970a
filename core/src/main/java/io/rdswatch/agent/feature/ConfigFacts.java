package io.rdswatch.agent.feature;

import io.rdswatch.agent.instance.InstanceConfig;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * What the rest of the file tells a {@link ConfigSection}'s rules: the static instances, and
 * whether discovery may add more. The root builds it from the bound file, before any section is
 * checked.
 *
 * @param instances the `instances` list as bound; null when it is missing (Bean Validation reports
 *     that), and it may hold null entries (the instance rules report those)
 * @param discovering true when discovery may supply instances the file does not list
 */
public record ConfigFacts(List<InstanceConfig> instances, boolean discovering) {

  /**
   * The static instances, skipping what the instance rules report instead (a missing list, empty
   * entries).
   */
  public List<IndexedInstance> staticInstances() {
    if (instances == null) {
      return List.of();
    }
    return IntStream.range(0, instances.size())
        .filter(i -> instances.get(i) != null)
        .mapToObj(i -> new IndexedInstance(i, instances.get(i)))
        .toList();
  }

  /**
   * The names an instance reference must be one of, when the file alone decides them: empty while
   * discovery may add instances, or while the list is missing.
   */
  public Optional<Set<String>> knownInstanceNames() {
    if (discovering || instances == null) {
      return Optional.empty();
    }
    Set<String> names = new TreeSet<>();
    instances.stream()
        .filter(Objects::nonNull)
        .map(InstanceConfig::getName)
        .filter(Objects::nonNull)
        .forEach(names::add);
    return Optional.of(Collections.unmodifiableSet(names));
  }

  /**
   * One entry of the `instances` list.
   *
   * @param index its position, for the "instances[i]" path in a message
   */
  public record IndexedInstance(int index, InstanceConfig config) {

    /** "instances[i]". */
    public String path() {
      return "instances[" + index + "]";
    }
  }
}
