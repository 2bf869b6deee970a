package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dashboard expression parses as PromQL. Grafana has no offline validator, so each expression
 * (its variables filled in) becomes a recording rule in a scratch file that promtool checks. The
 * rules file's own expressions are parsed by {@link PromtoolRulesTest}.
 */
class PromqlParseTest {

  @Test
  void everyDashboardExpressionParses(@TempDir Path tmp) throws IOException {
    List<Dashboards.Query> queries = Dashboards.allQueries();
    assertThat(queries).hasSizeGreaterThan(30);

    Tool.Result result = check(tmp, queries);

    assertThat(result.exit()).as(result.describe()).isZero();
    assertThat(result.output()).contains("SUCCESS: " + queries.size() + " rules found");
  }

  @Test
  void aBrokenExpressionIsReportedWithItsPlace(@TempDir Path tmp) throws IOException {
    List<Dashboards.Query> queries =
        List.of(
            new Dashboards.Query("good", "sum(rate(rdswatch_poll_errors_total[$__rate_interval]))"),
            new Dashboards.Query("bad", "sum(rate(rdswatch_poll_errors_total[$__rate_interval])"));

    Tool.Result result = check(tmp, queries);

    assertThat(result.exit()).as(result.describe()).isNotZero();
    assertThat(result.output()).contains("parse error").contains("dashboard:q2");
  }

  private static Tool.Result check(Path tmp, List<Dashboards.Query> queries) throws IOException {
    StringBuilder yaml = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
    for (int i = 0; i < queries.size(); i++) {
      Dashboards.Query q = queries.get(i);
      yaml.append("      # ")
          .append(q.where().replace('\n', ' '))
          .append('\n')
          .append("      - record: dashboard:q")
          .append(i + 1)
          .append('\n')
          .append("        expr: ")
          .append(quoted(q.resolved()))
          .append('\n');
    }
    Path file = tmp.resolve("dashboard-exprs.rules.yml");
    Files.writeString(file, yaml);
    Tool.Result result = Tool.run(tmp, "promtool", "check", "rules", file.toString());
    if (result.exit() != 0) {
      // name the offending query, not just its generated rule number
      return new Tool.Result(result.exit(), result.output() + "\nqueries:\n" + listing(queries));
    }
    return result;
  }

  private static String listing(List<Dashboards.Query> queries) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < queries.size(); i++) {
      out.append("  dashboard:q")
          .append(i + 1)
          .append(" = ")
          .append(queries.get(i).where())
          .append('\n');
    }
    return out.toString();
  }

  /** A YAML double-quoted scalar. */
  private static String quoted(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
