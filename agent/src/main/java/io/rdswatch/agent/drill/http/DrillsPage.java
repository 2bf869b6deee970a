package io.rdswatch.agent.drill.http;

import static io.rdswatch.agent.drill.http.Html.esc;

import io.rdswatch.agent.drill.journal.CheckResult;
import io.rdswatch.agent.drill.journal.DrillHistory;
import io.rdswatch.agent.drill.journal.DrillRecord;
import io.rdswatch.agent.drill.journal.DrillStatus;
import io.rdswatch.agent.drill.journal.SourceBackup;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GET /drills: the drill history as one readable HTML page, newest first, for people and auditors.
 * Every value from a database, a config or an error message is escaped.
 */
@Path("/drills")
public final class DrillsPage {

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}"
          + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.35rem .5rem;"
          + "vertical-align:top;text-align:left;font-size:.9rem}th{background:#f3f3f3}"
          + ".ok{color:#0a6b2b;font-weight:600}.bad{color:#a40000;font-weight:600}.other{color:#8a5a00;font-weight:600}"
          + ".muted{color:#666}code{font-size:.8rem;word-break:break-all}ul{margin:0;padding-left:1.1rem}";

  private final DrillHistory history;
  private final Clock clock;

  public DrillsPage(DrillHistory history, Clock clock) {
    this.history = history;
    this.clock = clock;
  }

  @GET
  @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
  public String page(@QueryParam("limit") @DefaultValue("500") int limit) {
    ListLimit.check(limit);
    List<DrillRecord> all = new ArrayList<>(history.all());
    Collections.reverse(all);
    StringBuilder h = new StringBuilder(8192);
    h.append(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>rdswatch: restore drills</title>")
        .append("<style>")
        .append(STYLE)
        .append("</style></head><body><h1>Restore drills</h1>")
        .append(
            "<p>Each drill restores the latest native backup of a database into a scratch database, runs DBCC ")
        .append(
            "CHECKDB and the configured SQL checks against it, and drops it. RTO is measured from the restore ")
        .append("submit to SUCCESS, queue wait included. Times are UTC. Generated ")
        .append(esc(DrillText.time(clock.instant())))
        .append(".</p>");
    h.append("<p>")
        .append(esc(DrillText.summary(all)))
        .append(". Machine-readable: <a href=\"/api/drills\">/api/drills</a>.</p>");
    h.append(
            "<table><thead><tr><th>Started</th><th>Instance</th><th>Database</th><th>Drill</th><th>Status</th>")
        .append(
            "<th>RTO</th><th>Backup restored</th><th>Checks</th><th>Scratch database</th></tr></thead><tbody>");
    all.stream().limit(limit).forEach(r -> row(h, r));
    if (all.isEmpty()) {
      h.append("<tr><td colspan=\"9\" class=\"muted\">No drills have run yet.</td></tr>");
    }
    return h.append("</tbody></table></body></html>").toString();
  }

  private static void row(StringBuilder h, DrillRecord r) {
    String href = "/api/drills/" + URLEncoder.encode(r.id(), StandardCharsets.UTF_8);
    h.append("<tr><td><a href=\"")
        .append(esc(href))
        .append("\">")
        .append(esc(DrillText.time(r.startedAt())))
        .append("</a></td><td>")
        .append(esc(r.plan().sourceInstance()));
    if (!r.plan().targetInstance().equals(r.plan().sourceInstance())) {
      h.append("<br><span class=\"muted\">restored on ")
          .append(esc(r.plan().targetInstance()))
          .append("</span>");
    }
    h.append("</td><td>")
        .append(esc(r.plan().database()))
        .append("</td><td>")
        .append(esc(r.plan().drill()))
        .append("<br><span class=\"muted\">")
        .append(esc(r.plan().trigger()))
        .append("</span></td>");
    h.append("<td><span class=\"")
        .append(css(r.status()))
        .append("\">")
        .append(esc(r.status().label()))
        .append("</span>");
    if (r.reason() != null) {
      h.append("<br><span class=\"muted\">").append(esc(r.reason())).append("</span>");
    }
    h.append("</td><td>").append(esc(DrillText.rto(r))).append("</td><td>");
    SourceBackup s = r.source();
    if (s != null) {
      h.append(esc(s.backupTime() == null ? "time unknown" : DrillText.time(s.backupTime())))
          .append("<br><code>")
          .append(esc(s.s3Arn()))
          .append("</code>");
      if (s.differentialArn() != null) {
        h.append("<br>+ differential <code>").append(esc(s.differentialArn())).append("</code>");
      }
    }
    h.append("</td><td>");
    checks(h, r.checks());
    h.append("</td><td>")
        .append(r.scratchName() == null ? "" : "<code>" + esc(r.scratchName()) + "</code><br>")
        .append("<span class=\"muted\">")
        .append(esc(DrillText.scratchFate(r)))
        .append("</span></td></tr>");
  }

  private static void checks(StringBuilder h, List<CheckResult> checks) {
    if (checks.isEmpty()) {
      h.append("<span class=\"muted\">none ran</span>");
      return;
    }
    h.append("<ul>");
    for (CheckResult c : checks) {
      h.append("<li><span class=\"")
          .append(c.passed() ? "ok" : "bad")
          .append("\">")
          .append(c.passed() ? "pass" : "FAIL")
          .append("</span> ")
          .append(esc(DrillText.checkTitle(c)));
      if (c.error() != null) {
        h.append("<br><span class=\"muted\">").append(esc(c.error())).append("</span>");
      }
      h.append("</li>");
    }
    h.append("</ul>");
  }

  private static String css(DrillStatus s) {
    return switch (s) {
      case SUCCESS -> "ok";
      case SKIPPED, RUNNING, INTERRUPTED, VERIFY_INTERRUPTED -> "other";
      default -> "bad";
    };
  }
}
