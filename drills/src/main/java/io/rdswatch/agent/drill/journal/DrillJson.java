package io.rdswatch.agent.drill.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;

/** The one JSON shape of drills: journal files, the API and `drill history --format json`. */
public final class DrillJson {

  static final ObjectMapper MAPPER =
      Jackson.newObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private DrillJson() {}

  public static String write(Object value) throws JsonProcessingException {
    return MAPPER.writeValueAsString(value);
  }
}
