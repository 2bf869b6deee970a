package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.ops.RuleFiles.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rdswatch_* series the dashboards and rules query is on the real /metrics page of a demo run
 * (with CloudWatch publishing on), so a renamed metric breaks the build instead of an SRE's
 * dashboard. There is no allow-list: a queried name the demo does not export fails, whichever issue
 * it belongs to.
 */
class MetricNamesTest {

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern METRIC = Pattern.compile("(?<![\\w:])rdswatch_\\w+");
  private static final Pattern SELECTOR = Pattern.compile("(?<![\\w:])(rdswatch_\\w+)\\{([^}]*)}");
  private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(?:=~|!~|!=|=)\\s*\"");

  @TempDir static Path dir;
  private static String demoPage;

  @BeforeAll
  static void scrapeTheDemo() throws Exception {
    demoPage = DemoMetricsPage.scrape(dir);
  }

  @Test
  void theDemoPageIsAFullFleetWithCloudWatchOn() {
    assertThat(demoPage.lines().filter(l -> l.startsWith("rdswatch_up{") && l.endsWith(" 1.0")))
        .hasSize(DemoMetricsPage.INSTANCES);
    assertThat(demoPage).contains("# TYPE rdswatch_cloudwatch_requests_total counter");
  }

  @Test
  void everyQueriedMetricIsOnTheDemoPage() {
    Set<String> exported = ExportedMetrics.of(List.of(demoPage)).names();
    Map<String, String> missing = new TreeMap<>(used());
    missing.keySet().removeAll(exported);

    assertThat(missing)
        .as("metric queried (-> first place) but not on the /metrics page of a demo run")
        .isEmpty();
  }

  /**
   * Labels come from samples, and a demo run that has not yet drilled has no drill samples; the
   * golden pages (real collector output from the exporter's and agent's tests) fill those in.
   */
  @Test
  void everyLabelMatcherNamesALabelTheMetricHas() {
    List<String> pages = new ArrayList<>(ExportedMetrics.goldenPages());
    assertThat(pages).as("golden /metrics pages under " + ExportedMetrics.GOLDEN_DIRS).isNotEmpty();
    pages.add(demoPage);
    Map<String, Set<String>> exported = ExportedMetrics.of(pages).labels();
    Map<String, String> wrong = new TreeMap<>();
    for (Map.Entry<String, String> query : expressions().entrySet()) {
      Matcher selector = SELECTOR.matcher(query.getValue());
      while (selector.find()) {
        Set<String> has = exported.get(selector.group(1));
        Matcher matcher = MATCHER.matcher(selector.group(2));
        while (has != null && matcher.find()) {
          if (!has.contains(matcher.group(1))) {
            wrong.put(selector.group(1) + "{" + matcher.group(1) + "}", query.getKey());
          }
        }
      }
    }

    assertThat(wrong).as("label matchers on labels no /metrics page shows").isEmpty();
  }

  /** Place to expression, for every rule and dashboard query. */
  private static Map<String, String> expressions() {
    Map<String, String> all = new TreeMap<>();
    for (Rule rule : RuleFiles.rules()) {
      all.put("rule " + (rule.isAlert() ? rule.alert() : rule.record()), rule.expr());
    }
    for (Dashboards.Query q : Dashboards.allQueries()) {
      all.put(q.where(), q.expr());
    }
    return all;
  }

  /** Metric name to the first place that queries it. */
  static Map<String, String> used() {
    Map<String, String> used = new TreeMap<>();
    expressions().forEach((where, expr) -> collect(expr, where, used));
    return used;
  }

  private static void collect(String expr, String where, Map<String, String> used) {
    Matcher m = METRIC.matcher(STRING.matcher(expr).replaceAll("\"\""));
    while (m.find()) {
      used.putIfAbsent(m.group(), where);
    }
  }
}
