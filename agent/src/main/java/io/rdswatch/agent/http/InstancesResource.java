package io.rdswatch.agent.http;

import io.rdswatch.agent.poll.FleetState;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** GET /api/instances[/{name}]: poll status per instance, sorted by name. */
@Path("/api/instances")
@Produces(MediaType.APPLICATION_JSON)
public final class InstancesResource {

  private final FleetState fleet;

  public InstancesResource(FleetState fleet) {
    this.fleet = fleet;
  }

  @GET
  public List<InstanceView> list() {
    return fleet.instances().stream().map(InstanceView::of).toList();
  }

  @GET
  @Path("{name}")
  public InstanceView one(@PathParam("name") String name) {
    return fleet
        .instance(name)
        .map(InstanceView::of)
        .orElseThrow(
            () -> ApiError.of(Response.Status.NOT_FOUND, "no instance named '" + name + "'"));
  }
}
