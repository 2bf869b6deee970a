package io.rdswatch.agent.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.util.ClassUtil;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every value of the wrong type (a word where a port number goes, "60x" as a duration, a
 * list where text goes) with its YAML path, and binds null in its place, so the rest of the file is
 * still bound and checked: Jackson alone stops at the first such value and hides every other
 * mistake. Later checks on a recorded path are noise ("must not be null" for the value we nulled);
 * {@link #covers(String)} lets the loader drop them.
 */
final class ValueProblemCollector extends DeserializationProblemHandler {

  private final List<String> errors = new ArrayList<>();
  private final List<String> paths = new ArrayList<>();

  @Override
  public Object handleWeirdStringValue(
      DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
    record(ctxt.getParser(), "cannot use '" + value + "': expected " + typeName(targetType));
    return placeholder(targetType);
  }

  @Override
  public Object handleWeirdNumberValue(
      DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
    record(ctxt.getParser(), "cannot use " + value + ": expected " + typeName(targetType));
    return placeholder(targetType);
  }

  @Override
  public Object handleUnexpectedToken(
      DeserializationContext ctxt,
      JavaType targetType,
      JsonToken token,
      JsonParser p,
      String failureMsg)
      throws IOException {
    record(p, "expected " + typeName(targetType.getRawClass()) + ", not " + shape(token));
    p.skipChildren();
    return placeholder(targetType.getRawClass());
  }

  @Override
  public Object handleMissingInstantiator(
      DeserializationContext ctxt,
      Class<?> instClass,
      ValueInstantiator inst,
      JsonParser p,
      String msg)
      throws IOException {
    record(p, "expected " + typeName(instClass) + ", not " + shape(p.currentToken()));
    p.skipChildren();
    return placeholder(instClass);
  }

  @Override
  public Object handleInstantiationProblem(
      DeserializationContext ctxt, Class<?> instClass, Object argument, Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = firstLine(root.getMessage());
    if (instClass == io.dropwizard.util.Duration.class) {
      record(ctxt.getParser(), "expected a duration such as 30s, 5m or 1h (" + why + ")");
    } else {
      record(ctxt.getParser(), "cannot use '" + argument + "': " + why);
    }
    return null;
  }

  /** null, or a primitive's zero: some Jackson deserializers unbox what a handler returns. */
  private static Object placeholder(Class<?> type) {
    return type.isPrimitive() ? ClassUtil.defaultValue(type) : null;
  }

  List<String> errors() {
    return List.copyOf(errors);
  }

  /** True if the error is about a value recorded here, or something inside it. */
  boolean covers(String error) {
    return paths.stream()
        .anyMatch(
            p ->
                error.startsWith(p + ":")
                    || error.startsWith(p + ".")
                    || error.startsWith(p + "["));
  }

  private void record(JsonParser p, String problem) {
    JsonStreamContext at = p.getParsingContext();
    if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
      at = at.getParent(); // the parser already stepped into the bad value
    }
    String path = path(at);
    paths.add(path);
    errors.add((path.isEmpty() ? "" : path + ": ") + problem);
  }

  /** "instances[1].port" style, down to the value the parser is on. */
  private static String path(JsonStreamContext at) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        path.insert(0, "." + c.getCurrentName());
      }
    }
    return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
  }

  static String typeName(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    if (type == io.dropwizard.util.Duration.class) {
      return "a duration such as 30s, 5m or 1h";
    }
    if (java.util.Map.class.isAssignableFrom(type) || type.getName().startsWith("io.rdswatch.")) {
      return "a mapping (key: value)";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return type.getSimpleName();
  }

  private static String shape(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_ARRAY -> "a list";
      case START_OBJECT, FIELD_NAME -> "a mapping";
      case VALUE_NULL -> "an empty value";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "true or false";
      // text is not echoed: it might be a password typed one level too high
      default -> "text";
    };
  }

  static String firstLine(String message) {
    if (message == null) {
      return "invalid value";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
