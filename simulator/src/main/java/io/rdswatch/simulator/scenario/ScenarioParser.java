package io.rdswatch.simulator.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rdswatch.simulator.clock.ManualClock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads scenario YAML strictly: unknown keys, wrong types and broken values are errors that name
 * the field by its path, e.g. {@code demo.yaml: instances[1].databases[0].size_mb: must be >= 1}.
 */
final class ScenarioParser {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The file's top level. */
  private record ScenarioFile(
      Long seed, String history, String tlsDir, List<InstanceSpec> instances) {}

  private ScenarioParser() {}

  static Scenario parse(String yaml, String source) {
    ScenarioFile file;
    try {
      file = YAML.readValue(yaml, ScenarioFile.class);
    } catch (JsonMappingException e) {
      StreamReadException syntax = syntaxError(e);
      if (syntax != null) {
        int line = syntax.getLocation() == null ? -1 : syntax.getLocation().getLineNr();
        throw new ScenarioException(
            source
                + ": not valid YAML (line "
                + line
                + "): "
                + syntax.getOriginalMessage().replace('\n', ' '),
            e);
      }
      throw new ScenarioException(source + ": " + path(e) + ": " + problem(e), e);
    } catch (JacksonException e) {
      throw new ScenarioException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (file == null || file.instances() == null || file.instances().isEmpty()) {
      throw new ScenarioException(source + ": instances: at least one instance is required");
    }
    String history = file.history() == null ? "0s" : file.history();
    try {
      Durations.parse(history);
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(source + ": history: " + e.getMessage(), e);
    }
    Scenario scenario =
        new Scenario(
            file.seed() == null ? 1 : file.seed(), history, file.instances(), file.tlsDir());
    validate(scenario, source);
    return scenario;
  }

  /** Builds every instance once, so a bad value fails now rather than when the simulator starts. */
  static void validate(Scenario scenario, String source) {
    Set<String> names = new HashSet<>();
    ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    List<InstanceSpec> instances = scenario.instances();
    for (int i = 0; i < instances.size(); i++) {
      String name = instances.get(i).name();
      if (name != null && !names.add(name.toLowerCase(Locale.ROOT))) {
        throw new ScenarioException(
            source + ": instances[" + i + "].name: '" + name + "' is used twice");
      }
      try {
        InstanceFactory.build(
            instances.get(i),
            i,
            new InstanceFactory.Context(scenario.seed(), clock, clock.now(), clock.now(), null));
      } catch (ScenarioException e) {
        throw new ScenarioException(source + ": " + e.getMessage(), e);
      }
    }
  }

  private static StreamReadException syntaxError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException m) {
        return m;
      }
    }
    return null;
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
      }
    }
    return out.length() == 0 ? "(top level)" : out.toString();
  }

  private static String problem(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds() == null
              ? ""
              : u.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", "));
      return "unknown key; known keys: " + known;
    }
    String msg = e.getOriginalMessage();
    int cut = msg.indexOf(" at [Source");
    return (cut > 0 ? msg.substring(0, cut) : msg).replace('\n', ' ');
  }
}
