package io.rdswatch.agent.drill.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdswatch.agent.drill.check.Expectation;
import java.util.List;

/**
 * One entry of a schedule's `checks`: either {@code checkdb: true} or {@code sql: "..."} with an
 * optional {@code expect: ">= 1000"} on the first column of the first row. Without `expect` a SQL
 * check passes when it runs without error.
 */
public final class DrillCheckConfig {

  @JsonProperty private Boolean checkdb;
  @JsonProperty private String sql;
  @JsonProperty private String expect;

  public DrillCheckConfig() {}

  public static DrillCheckConfig checkdb() {
    DrillCheckConfig c = new DrillCheckConfig();
    c.checkdb = true;
    return c;
  }

  public static DrillCheckConfig sql(String sql, String expect) {
    DrillCheckConfig c = new DrillCheckConfig();
    c.sql = sql;
    c.expect = expect;
    return c;
  }

  public boolean isCheckdb() {
    return Boolean.TRUE.equals(checkdb);
  }

  public String getSql() {
    return sql;
  }

  public String getExpect() {
    return expect;
  }

  void validate(String path, List<String> errors) {
    boolean hasSql = sql != null;
    if (hasSql == (checkdb != null)) {
      errors.add(path + ": set exactly one of checkdb: true or sql: \"...\"");
      return;
    }
    if (checkdb != null && !checkdb) {
      errors.add(path + ".checkdb: must be true (remove the entry to skip DBCC CHECKDB)");
    }
    if (hasSql && sql.isBlank()) {
      errors.add(path + ".sql: must not be empty");
    }
    if (expect != null) {
      if (!hasSql) {
        errors.add(path + ".expect: only applies to a sql check");
      } else {
        try {
          Expectation.parse(expect);
        } catch (IllegalArgumentException e) {
          errors.add(path + ".expect: " + e.getMessage());
        }
      }
    }
  }
}
