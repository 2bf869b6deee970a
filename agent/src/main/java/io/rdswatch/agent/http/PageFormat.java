package io.rdswatch.agent.http;

import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One family rendered in one of the two /metrics formats, split into its header ("# HELP", "#
 * TYPE"...) and its sample lines, so pages can be assembled from pieces rendered at different
 * times. Rendering goes through simpleclient's TextFormat, so a piece reads exactly as in a whole
 * page.
 */
enum PageFormat {
  TEXT_004(TextFormat.CONTENT_TYPE_004, ""),
  OPEN_METRICS(TextFormat.CONTENT_TYPE_OPENMETRICS_100, "# EOF\n");

  private final String contentType;
  private final String trailer;

  PageFormat(String contentType, String trailer) {
    this.contentType = contentType;
    this.trailer = trailer;
  }

  static PageFormat of(String contentType) {
    return contentType.equals(TextFormat.CONTENT_TYPE_OPENMETRICS_100) ? OPEN_METRICS : TEXT_004;
  }

  String contentType() {
    return contentType;
  }

  /** What ends a page: OpenMetrics' "# EOF" line, or nothing. */
  String trailer() {
    return trailer;
  }

  /** The families as they would appear inside a page: headers and samples, without the trailer. */
  String render(List<MetricFamilySamples> families) {
    StringWriter out = new StringWriter();
    try {
      TextFormat.writeFormat(contentType, out, Collections.enumeration(families));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = out.toString();
    return text.endsWith(trailer) ? text.substring(0, text.length() - trailer.length()) : text;
  }

  String render(MetricFamilySamples family) {
    return render(List.of(family));
  }

  /**
   * The part of a family written where the family stands. Text 0.0.4 has no place for
   * OpenMetrics-only samples (_created, _gcount, _gsum): TextFormat moves them into gauge families
   * at the end of the page, sorted by name; this moves them into {@code endOfPage} the same way.
   */
  MetricFamilySamples inPlace(
      MetricFamilySamples family, Map<String, MetricFamilySamples> endOfPage) {
    if (this != TEXT_004) {
      return family;
    }
    List<Sample> kept = new ArrayList<>();
    for (Sample s : family.samples) {
      if (s.name.endsWith("_created") || s.name.endsWith("_gcount") || s.name.endsWith("_gsum")) {
        endOfPage
            .computeIfAbsent(
                s.name,
                n ->
                    new MetricFamilySamples(
                        n, Collector.Type.GAUGE, family.help, new ArrayList<>()))
            .samples
            .add(s);
      } else {
        kept.add(s);
      }
    }
    return new MetricFamilySamples(family.name, family.unit, family.type, family.help, kept);
  }

  /**
   * Only the sample lines of {@link #render}: metadata lines all start with '#', samples never do.
   */
  String samples(MetricFamilySamples family) {
    String text = render(family);
    int at = 0;
    while (at < text.length() && text.charAt(at) == '#') {
      at = text.indexOf('\n', at) + 1;
    }
    return text.substring(at);
  }
}
