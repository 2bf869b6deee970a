package io.rdswatch.agent.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Records every unknown key with its YAML path and keeps binding, so one run reports all of them
 * (Jackson alone stops at the first).
 */
final class UnknownKeyCollector extends DeserializationProblemHandler {

  private final List<String> errors = new ArrayList<>();

  @Override
  public boolean handleUnknownProperty(
      DeserializationContext ctxt,
      JsonParser p,
      JsonDeserializer<?> deserializer,
      Object beanOrClass,
      String propertyName)
      throws IOException {
    JsonStreamContext owner = p.getParsingContext();
    if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
      owner = owner.getParent(); // the parser already stepped into the unknown key's value
    }
    String path = path(owner, propertyName);
    Collection<Object> known = deserializer.getKnownPropertyNames();
    String hint =
        known == null || known.isEmpty()
            ? ""
            : " (known keys: " + String.join(", ", names(known)) + ")";
    errors.add(path + ": unknown key" + hint);
    p.skipChildren();
    return true;
  }

  List<String> errors() {
    return List.copyOf(errors);
  }

  private static List<String> names(Collection<Object> known) {
    TreeSet<String> sorted = new TreeSet<>();
    known.forEach(k -> sorted.add(String.valueOf(k)));
    return List.copyOf(sorted);
  }

  /** "instances[1].labels.team" style: each context is named by its slot in its parent. */
  static String path(JsonStreamContext owner, String leaf) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = owner; c.getParent() != null; c = c.getParent()) {
      JsonStreamContext parent = c.getParent();
      if (parent.inArray()) {
        path.insert(0, "[" + parent.getCurrentIndex() + "]");
      } else if (parent.inObject()) {
        path.insert(0, "." + parent.getCurrentName());
      }
    }
    path.append('.').append(leaf);
    return path.charAt(0) == '.' ? path.substring(1) : path.toString();
  }
}
