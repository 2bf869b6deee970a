package io.rdswatch.agent.http;

import io.rdswatch.agent.poll.FleetState;
import io.rdswatch.agent.poll.InstancePoller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * GET /api/tasks?rds_instance=&database=&active=: the tasks each instance returned on its last
 * successful poll, newest first per instance. Every filter is optional.
 */
@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
public final class TasksResource {

  private final FleetState fleet;

  public TasksResource(FleetState fleet) {
    this.fleet = fleet;
  }

  @GET
  public List<TaskView> tasks(
      @QueryParam("rds_instance") String instance,
      @QueryParam("database") String database,
      @QueryParam("active") String active) {
    Boolean activeOnly = parseActive(active);
    Stream<InstancePoller> instances = fleet.instances().stream();
    if (instance != null && !instance.isEmpty()) {
      instances =
          Stream.of(
              fleet
                  .instance(instance)
                  .orElseThrow(
                      () ->
                          ApiError.of(
                              Response.Status.NOT_FOUND, "no instance named '" + instance + "'")));
    }
    return instances
        .flatMap(
            p ->
                p.tracker().latestRows().stream()
                    .sorted(Comparator.comparingLong(r -> -r.taskId()))
                    .map(row -> TaskView.of(p.name(), row, p.tracker().failureContext())))
        .filter(t -> database == null || database.isEmpty() || database.equals(t.database()))
        .filter(t -> activeOnly == null || t.active() == activeOnly)
        .toList();
  }

  private static Boolean parseActive(String active) {
    if (active == null || active.isEmpty()) {
      return null;
    }
    if (active.equalsIgnoreCase("true") || active.equalsIgnoreCase("false")) {
      return Boolean.valueOf(active);
    }
    throw ApiError.of(
        Response.Status.BAD_REQUEST, "active must be true or false, not '" + active + "'");
  }
}
