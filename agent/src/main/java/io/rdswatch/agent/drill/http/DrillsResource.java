package io.rdswatch.agent.drill.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.rdswatch.agent.drill.journal.DrillHistory;
import io.rdswatch.agent.drill.journal.DrillJson;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.schedule.DrillLauncher;
import io.rdswatch.agent.http.ApiError;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * GET /api/drills (history, newest first), GET /api/drills/{id} (one drill, also while queued) and
 * POST /api/drills (run one now). The token of a POST is checked by {@link
 * io.rdswatch.agent.http.security.RequestGuard} before its body is read.
 */
@Path("/api/drills")
@Produces(MediaType.APPLICATION_JSON)
public final class DrillsResource {

  /** The POST body. */
  public record DrillRequest(
      @JsonProperty("instance") String instance, @JsonProperty("database") String database) {}

  private final DrillHistory history;
  private final DrillLauncher launcher;

  public DrillsResource(DrillHistory history, DrillLauncher launcher) {
    this.history = history;
    this.launcher = launcher;
  }

  @GET
  public Response list(
      @QueryParam("rds_instance") String instance,
      @QueryParam("database") String database,
      @QueryParam("status") String status,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    ListLimit.check(limit);
    List<DrillRecord> all = new ArrayList<>(history.all());
    Collections.reverse(all);
    List<DrillRecord> out =
        all.stream()
            .filter(
                r ->
                    instance == null
                        || instance.equals(r.plan().sourceInstance())
                        || instance.equals(r.plan().targetInstance()))
            .filter(r -> database == null || database.equals(r.plan().database()))
            .filter(r -> status == null || status.equals(r.status().label()))
            .limit(limit)
            .toList();
    return json(out);
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    return history
        .get(id)
        .map(this::json)
        .or(
            () ->
                launcher.queued(id).map(p -> json(Map.of("id", id, "status", "queued", "plan", p))))
        .orElseThrow(() -> ApiError.of(Response.Status.NOT_FOUND, "no drill with id '" + id + "'"));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response run(DrillRequest request) {
    if (request == null || blank(request.instance()) || blank(request.database())) {
      throw ApiError.of(
          Response.Status.BAD_REQUEST,
          "body must be {\"instance\": \"...\", \"database\": \"...\"}");
    }
    String id =
        launcher
            .submit(request.instance(), request.database(), "api")
            .orElseThrow(
                () ->
                    ApiError.of(
                        Response.Status.NOT_FOUND,
                        "no instance named '" + request.instance() + "'"));
    return Response.accepted()
        .location(URI.create("/api/drills/" + id))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(text(Map.of("id", id, "status", "queued", "href", "/api/drills/" + id)))
        .build();
  }

  private Response json(Object value) {
    return Response.ok(text(value), MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static String text(Object value) {
    try {
      return DrillJson.write(value);
    } catch (JsonProcessingException e) {
      throw ApiError.of(
          Response.Status.INTERNAL_SERVER_ERROR, "cannot render drill: " + e.getOriginalMessage());
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
