package io.rdswatch.agent.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.UndefinedEnvironmentVariableException;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.rdswatch.agent.feature.ConfigException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a config file the one way rdswatch accepts: ${VAR} replaced from the environment (strict),
 * YAML parsed, unknown keys rejected, then Bean Validation and {@link ConfigValidator}. All
 * problems found are reported together in one {@link ConfigException}. Also serves as Dropwizard's
 * configuration factory, so the server command loads exactly the same way.
 */
public final class ConfigLoader implements ConfigurationFactory<AgentConfiguration> {

  private static final Pattern VARIABLE_NAME = Pattern.compile("'([^']+)'");

  private final ObjectMapper mapper;
  private final Validator validator;

  public ConfigLoader() {
    this(Jackson.newObjectMapper(new YAMLFactory()), Validators.newValidator());
  }

  public ConfigLoader(ObjectMapper mapper, Validator validator) {
    this.mapper =
        mapper
            .copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.validator = validator;
  }

  /** The source provider rdswatch uses everywhere: files, with strict ${VAR} substitution. */
  public static ConfigurationSourceProvider sourceProvider() {
    return new SubstitutingSourceProvider(
        new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true));
  }

  public static AgentConfiguration load(Path file) throws ConfigException {
    return Shared.LOADER.build(sourceProvider(), file.toString());
  }

  /**
   * Loads with command-line values applied before the checks, so they are checked as the file's own
   * are.
   */
  static AgentConfiguration load(Path file, UnaryOperator<AgentConfiguration> overrides)
      throws ConfigException {
    return Shared.LOADER.build(sourceProvider(), file.toString(), overrides);
  }

  /**
   * Built on first use: a validator factory takes a noticeable moment to start, and both are
   * thread-safe.
   */
  private static final class Shared {
    static final ConfigLoader LOADER = new ConfigLoader();
  }

  @Override
  public AgentConfiguration build() throws ConfigException {
    throw new ConfigException("rdswatch", List.of("a config file is required (--config FILE)"));
  }

  @Override
  public AgentConfiguration build(ConfigurationSourceProvider provider, String path)
      throws ConfigException {
    return build(provider, path, UnaryOperator.identity());
  }

  private AgentConfiguration build(
      ConfigurationSourceProvider provider,
      String path,
      UnaryOperator<AgentConfiguration> overrides)
      throws ConfigException {
    JsonNode tree = readTree(provider, path);
    List<String> errors = new ArrayList<>();
    if (tree.has("server")) {
      errors.add(
          "server: not supported; rdswatch builds its server from http.bind, http.port and http.adminPort");
      ((ObjectNode) tree).remove("server");
    }
    UnknownKeyCollector unknown = new UnknownKeyCollector();
    ValueProblemCollector values = new ValueProblemCollector();
    AgentConfiguration config = null;
    try {
      config =
          mapper
              .readerFor(AgentConfiguration.class)
              .withHandler(unknown)
              .withHandler(values)
              .readValue(tree);
    } catch (JsonMappingException e) {
      errors.add(describe(e));
    } catch (IOException e) {
      errors.add("cannot bind configuration: " + e.getMessage());
    }
    errors.addAll(unknown.errors());
    errors.addAll(values.errors());
    if (config != null) {
      config = overrides.apply(config);
      errors.addAll(checks(config, values));
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(path, sorted(errors));
    }
    TlsSettings.apply(config, System::getenv);
    return config;
  }

  /** Bean Validation and the cross-field rules, minus what only restates a wrongly typed value. */
  private List<String> checks(AgentConfiguration config, ValueProblemCollector values) {
    List<String> found = new ArrayList<>();
    try {
      validator
          .validate(config)
          .forEach(v -> found.add(v.getPropertyPath() + ": " + v.getMessage()));
      found.addAll(ConfigValidator.validate(config));
    } catch (RuntimeException e) {
      if (values.errors().isEmpty()) {
        throw e;
      }
      return List
          .of(); // a rule tripped over a value bound as null; the type errors say what to fix
    }
    return found.stream().filter(e -> !values.covers(e)).toList();
  }

  private JsonNode readTree(ConfigurationSourceProvider provider, String path)
      throws ConfigException {
    try (InputStream in = provider.open(path)) {
      JsonNode tree = mapper.readTree(in);
      if (tree == null || tree instanceof NullNode || tree.isMissingNode()) {
        tree = mapper.createObjectNode();
      }
      if (!tree.isObject()) {
        throw new ConfigException(
            path, List.of("the file must be a YAML mapping (key: value lines)"));
      }
      return tree;
    } catch (UndefinedEnvironmentVariableException e) {
      throw new ConfigException(path, List.of(undefinedVariable(path, e)));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw new ConfigException(path, List.of(where + firstLine(e.getOriginalMessage())));
    } catch (IOException e) {
      throw new ConfigException(path, List.of("cannot read the file: " + e));
    }
  }

  private static String undefinedVariable(String path, UndefinedEnvironmentVariableException e) {
    Matcher m = VARIABLE_NAME.matcher(String.valueOf(e.getMessage()));
    String name = m.find() ? m.group(1) : "?";
    String line = "";
    try {
      List<String> lines = Files.readAllLines(Path.of(path));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("${" + name)) {
          line = "line " + (i + 1) + ": ";
          break;
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // the line number is a courtesy; the variable name is the message
    }
    return line + "${" + name + "}: environment variable " + name + " is not set";
  }

  private static String describe(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining());
    path = path.startsWith(".") ? path.substring(1) : path;
    String problem;
    if (e instanceof InvalidFormatException f) {
      problem = "cannot use '" + f.getValue() + "': expected " + typeName(f.getTargetType());
    } else if (e.getCause() != null
        && String.valueOf(e.getCause().getMessage()).startsWith("Invalid duration")) {
      problem =
          "expected a duration such as 30s, 5m or 1h ("
              + firstLine(e.getCause().getMessage())
              + ")";
    } else if (e.getCause() != null && e.getCause().getMessage() != null) {
      problem = firstLine(e.getCause().getMessage());
    } else {
      problem = firstLine(e.getOriginalMessage());
    }
    return (path.isEmpty() ? "" : path + ": ") + problem;
  }

  private static String typeName(Class<?> type) {
    return ValueProblemCollector.typeName(type);
  }

  private static String firstLine(String message) {
    return ValueProblemCollector.firstLine(message);
  }

  /**
   * Path order with numeric indexes compared as numbers, so instances[2] precedes instances[10].
   */
  private static List<String> sorted(List<String> errors) {
    Pattern index = Pattern.compile("\\[(\\d+)]");
    Comparator<String> natural =
        Comparator.comparing(
            e ->
                index
                    .matcher(e)
                    .replaceAll(
                        r -> "[" + String.format("%08d", Long.parseLong(r.group(1))) + "]"));
    return errors.stream().distinct().sorted(natural).toList();
  }
}
