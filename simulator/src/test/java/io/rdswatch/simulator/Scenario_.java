package io.rdswatch.simulator;

/** Small scenarios shared by tests. */
final class Scenario_ {
  /** One instance "prod" with database Sales (10 GB) and a same-region bucket "backups". */
  static final String ONE_DB =
      """
      instances:
        - name: prod
          region: us-east-1
          databases:
            - {name: Sales, size_mb: 10240, tables: {Orders: 1200}}
          buckets:
            - {name: backups, region: us-east-1}
      """;

  private Scenario_() {}
}
