package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.ops.RuleFiles.Rule;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every rdswatch_* metric the dashboards and rules query is one the agent exports, so a renamed metric
 * breaks the build instead of an SRE's dashboard.
 */
class MetricNamesTest {

  /**
   * Names from issues 4 (CloudWatch self metrics) and 5 (drills) that no golden /metrics file shows yet.
   * This list MUST shrink to empty: once a golden file (or the lead's demo-run page) shows a name, the test
   * below fails until it is removed here.
   */
  static final Set<String> PENDING = Set.of(
      // issue 4, CloudWatch publisher (agent registry, not in the exporter's golden page)
      "rdswatch_cloudwatch_requests_total",
      "rdswatch_cloudwatch_datums_dropped_total",
      "rdswatch_cloudwatch_last_success_timestamp_seconds");

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern METRIC = Pattern.compile("(?<![\\w:])rdswatch_\\w+");
  private static final Pattern SELECTOR = Pattern.compile("(?<![\\w:])(rdswatch_\\w+)\\{([^}]*)}");
  private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(?:=~|!~|!=|=)\\s*\"");

  @Test
  void goldenPagesExist() {
    assertThat(ExportedMetrics.goldenFiles()).as("golden /metrics files under " + ExportedMetrics.GOLDEN_DIRS)
        .isNotEmpty();
  }

  @Test
  void everyQueriedMetricIsExported() {
    Set<String> exported = ExportedMetrics.names();
    Map<String, String> missing = new TreeMap<>();
    used().forEach((name, where) -> {
      if (!exported.contains(name) && !PENDING.contains(name)) {
        missing.put(name, where);
      }
    });

    assertThat(missing).as("metrics queried but not on any golden /metrics page " + ExportedMetrics.goldenFiles())
        .isEmpty();
  }

  @Test
  void pendingNamesAreStillPendingAndStillUsed() {
    Set<String> exported = ExportedMetrics.names();
    Set<String> nowExported = new TreeSet<>(PENDING);
    nowExported.retainAll(exported);
    Set<String> unused = new TreeSet<>(PENDING);
    unused.removeAll(used().keySet());

    assertThat(nowExported).as("exported now: remove from MetricNamesTest.PENDING").isEmpty();
    assertThat(unused).as("not queried anywhere: remove from MetricNamesTest.PENDING").isEmpty();
  }

  @Test
  void everyLabelMatcherNamesALabelTheMetricHas() {
    Map<String, Set<String>> exported = ExportedMetrics.labels();
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

    assertThat(wrong).as("label matchers on labels the golden /metrics pages do not show").isEmpty();
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
