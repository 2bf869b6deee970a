package io.rdswatch.agent.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /-/healthy on the application port, for liveness and readiness probes (deploy/kubernetes). It
 * says only that the process serves HTTP: an unreachable RDS instance is rdswatch_up 0, never a
 * failed probe, or an RDS outage would restart every agent. The admin port's /healthcheck, which
 * does judge the instances, may be bound to loopback where a kubelet cannot reach it.
 */
@Path("/-/healthy")
@Produces(MediaType.TEXT_PLAIN)
public final class ProbeResource {

  @GET
  public String healthy() {
    return "rdswatch is healthy\n";
  }
}
