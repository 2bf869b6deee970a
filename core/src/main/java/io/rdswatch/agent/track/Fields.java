package io.rdswatch.agent.track;

import com.fasterxml.jackson.databind.JsonNode;
import io.rdswatch.exporter.model.TaskType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Typed, validating access to a JSON object of the state file; errors carry the field's path. */
final class Fields {

  private final JsonNode node;
  private final String prefix;

  Fields(JsonNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  String path(String field) {
    return prefix.isEmpty() ? field : prefix + "." + field;
  }

  boolean has(String field) {
    return node.has(field) && !node.get(field).isNull();
  }

  private JsonNode required(String field) throws StateFormatException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new StateFormatException("field '" + path(field) + "' is missing");
    }
    return value;
  }

  private StateFormatException wrong(String field, String expected) {
    return new StateFormatException("field '" + path(field) + "' must be " + expected);
  }

  /** The field's value if it passes {@code ok}, else an error saying what it must be. */
  private JsonNode typed(String field, Predicate<JsonNode> ok, String expected)
      throws StateFormatException {
    JsonNode v = required(field);
    if (!ok.test(v)) {
      throw wrong(field, expected);
    }
    return v;
  }

  String text(String field) throws StateFormatException {
    return typed(field, JsonNode::isTextual, "a string").asText();
  }

  String textOrNull(String field) throws StateFormatException {
    return has(field) ? text(field) : null;
  }

  boolean bool(String field) throws StateFormatException {
    return typed(field, JsonNode::isBoolean, "true or false").asBoolean();
  }

  int integer(String field) throws StateFormatException {
    return typed(field, JsonNode::isInt, "an integer").asInt();
  }

  long integerLong(String field) throws StateFormatException {
    return typed(field, v -> v.isIntegralNumber() && v.canConvertToLong(), "an integer").asLong();
  }

  /** A counter: an integer of 0 or more. */
  long count(String field) throws StateFormatException {
    long n = integerLong(field);
    if (n < 0) {
      throw wrong(field, "0 or more");
    }
    return n;
  }

  double number(String field) throws StateFormatException {
    return typed(field, v -> v.isNumber() && Double.isFinite(v.asDouble()), "a finite number")
        .asDouble();
  }

  Instant instant(String field) throws StateFormatException {
    try {
      return Instant.parse(text(field));
    } catch (DateTimeParseException e) {
      throw wrong(field, "an ISO-8601 instant like 2025-03-10T12:00:00Z");
    }
  }

  Instant instantOrNull(String field) throws StateFormatException {
    return has(field) ? instant(field) : null;
  }

  TaskType taskType(String field) throws StateFormatException {
    return named(TaskType.class, field);
  }

  <E extends Enum<E>> E named(Class<E> type, String field) throws StateFormatException {
    String value = text(field);
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    throw wrong(field, "a " + type.getSimpleName() + " name, not '" + value + "'");
  }

  Fields object(String field) throws StateFormatException {
    return new Fields(typed(field, JsonNode::isObject, "an object"), path(field));
  }

  List<Fields> array(String field) throws StateFormatException {
    JsonNode v = typed(field, JsonNode::isArray, "an array");
    List<Fields> items = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      items.add(new Fields(v.get(i), path(field) + "[" + i + "]"));
    }
    return items;
  }

  long[] longs(String field) throws StateFormatException {
    List<Fields> items = array(field);
    long[] out = new long[items.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode n = items.get(i).node;
      if (!n.isIntegralNumber() || n.asLong() < 0) {
        throw new StateFormatException("field '" + items.get(i).prefix + "' must be 0 or more");
      }
      out[i] = n.asLong();
    }
    return out;
  }

  /** This node as a [first, last] pair of task ids. */
  TaskIdSet.Range range() throws StateFormatException {
    if (!node.isArray()
        || node.size() != 2
        || !node.get(0).isIntegralNumber()
        || !node.get(1).isIntegralNumber()
        || node.get(1).asLong() < node.get(0).asLong()) {
      throw new StateFormatException("field '" + prefix + "' must be [first, last] task ids");
    }
    return new TaskIdSet.Range(node.get(0).asLong(), node.get(1).asLong());
  }
}
