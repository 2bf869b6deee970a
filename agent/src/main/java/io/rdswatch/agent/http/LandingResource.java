package io.rdswatch.agent.http;

import io.rdswatch.agent.poll.FleetState;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /: what this process is and where its pages are, as every exporter's landing page does. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public final class LandingResource {

  private final FleetState fleet;
  private final String version;

  public LandingResource(FleetState fleet, String version) {
    this.fleet = fleet;
    this.version = version;
  }

  @GET
  public String page() {
    long up = fleet.snapshot().instances().stream().filter(i -> i.up()).count();
    return """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>rdswatch</title></head>
        <body>
        <h1>rdswatch</h1>
        <p>Watches Amazon RDS for SQL Server native backups and restores (version %s).</p>
        <p>%d of %d instances up.</p>
        <ul>
        <li><a href="/metrics">/metrics</a> &ndash; Prometheus metrics</li>
        <li><a href="/api/instances">/api/instances</a> &ndash; poll status per instance</li>
        <li><a href="/api/tasks">/api/tasks</a> &ndash; tasks (filters: rds_instance, database, active)</li>
        <li><a href="/api/tasks?active=true">/api/tasks?active=true</a> &ndash; tasks still running or queued</li>
        <li><a href="/drills">/drills</a> &ndash; restore-verification drill history (HTML, for audits)</li>
        <li><a href="/api/drills">/api/drills</a> &ndash; drill history as JSON (POST with the API token runs one)</li>
        </ul>
        <p>Health checks are on the admin port: <code>/healthcheck</code>.</p>
        </body></html>
        """
        .formatted(escape(version), up, fleet.instances().size());
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
