package io.rdswatch.agent.http;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.rdswatch.exporter.metrics.FleetRegistry;
import io.rdswatch.exporter.metrics.MetricsText;
import io.rdswatch.exporter.model.FleetSnapshot;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.function.Supplier;

/**
 * GET /metrics: text format 0.0.4, or OpenMetrics when the Accept header asks for it (the same
 * negotiation as simpleclient's MetricsServlet). Families are sorted by name so the page reads the
 * same on every scrape; CollectorRegistry alone iterates in hash order. Given the fleet supplier,
 * the per-instance families come from a {@link FleetPage}, which renders only what changed since
 * the last scrape; the page is the same either way.
 */
public final class MetricsPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final int BUFFER_SIZE = 64 * 1024;

  private final transient CollectorRegistry registry;
  private final transient FleetPage page;

  /** Renders every collector of {@code registry} on each scrape. */
  public MetricsPageServlet(CollectorRegistry registry) {
    this.registry = registry;
    this.page = null;
  }

  /**
   * @param fleet the supplier that the registry's per-instance collectors read
   */
  public MetricsPageServlet(FleetRegistry registry, Supplier<FleetSnapshot> fleet) {
    this.registry = registry;
    this.page = new FleetPage(registry, fleet);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String contentType = TextFormat.chooseContentType(request.getHeader("Accept"));
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(contentType);
    // TextFormat writes a page as millions of single characters and tiny strings; Jetty's writer
    // encodes and locks per call (bench figure 3), so they go through an unlocked buffer instead.
    try (PageWriter writer = new PageWriter(response.getOutputStream(), BUFFER_SIZE)) {
      if (page != null) {
        page.write(PageFormat.of(contentType), writer);
      } else {
        TextFormat.writeFormat(
            contentType, writer, Collections.enumeration(MetricsText.sortedFamilies(registry)));
      }
    }
  }
}
