package io.rdswatch.agent.aws;

import io.rdswatch.agent.aws.client.AwsClientFactory;
import io.rdswatch.agent.aws.client.AwsErrors;
import io.rdswatch.agent.aws.client.AwsSetupException;
import io.rdswatch.agent.aws.cloudwatch.CloudWatchConfig;
import io.rdswatch.agent.aws.discovery.AwsDiscoveryConfig;
import io.rdswatch.agent.aws.discovery.DiscoveryConfig;
import io.rdswatch.agent.aws.discovery.RdsDiscovery;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * For `rdswatch check`: can the configured credentials reach CloudWatch and list RDS instances in
 * each discovery region? CloudWatch is probed with ListMetrics on the namespace, because
 * PutMetricData cannot be tried without publishing; a denied ListMetrics still proves the endpoint
 * and the credentials, so it is a warning, not a failure.
 */
public final class AwsReachability {

  public enum Status {
    OK,
    WARN,
    FAILED
  }

  /** One row of the report: e.g. ("discovery", "eu-west-1", OK, "3 SQL Server instance(s)"). */
  public record Result(String service, String scope, Status status, String detail) {}

  private final AwsClientFactory factory;

  public AwsReachability(AwsClientFactory factory) {
    this.factory = factory;
  }

  /** Empty when neither CloudWatch nor discovery is configured. */
  public List<Result> check(CloudWatchConfig cloudWatch, DiscoveryConfig discovery) {
    List<Result> results = new ArrayList<>();
    if (cloudWatch != null && cloudWatch.isEnabled()) {
      results.add(cloudWatch(cloudWatch));
    }
    if (discovery != null && discovery.isEnabled()) {
      for (String region : discovery.getAws().getRegions()) {
        results.add(rds(discovery.getAws(), region));
      }
    }
    return results;
  }

  private Result cloudWatch(CloudWatchConfig config) {
    String scope = config.getRegion() == null ? "(region chain)" : config.getRegion();
    try (CloudWatchClient client = factory.cloudWatch(config.location())) {
      int metrics = client.listMetrics(r -> r.namespace(config.getNamespace())).metrics().size();
      return new Result(
          "cloudwatch",
          scope,
          Status.OK,
          "reachable; " + metrics + " metric(s) in namespace " + config.getNamespace() + " so far");
    } catch (SdkException e) {
      if (AwsErrors.classify(e) == AwsErrors.Kind.AUTH_ERROR && isAccessDenied(e)) {
        return new Result(
            "cloudwatch",
            scope,
            Status.WARN,
            "credentials accepted, but cloudwatch:ListMetrics is denied, so cloudwatch:PutMetricData"
                + " was not verified: "
                + AwsErrors.describe(e));
      }
      return new Result("cloudwatch", scope, Status.FAILED, AwsErrors.describe(e));
    } catch (AwsSetupException e) {
      return new Result("cloudwatch", scope, Status.FAILED, e.getMessage());
    }
  }

  private Result rds(AwsDiscoveryConfig config, String region) {
    try (RdsClient client = factory.rds(config.location(region))) {
      long sqlServer = 0;
      for (DBInstance db : client.describeDBInstancesPaginator(r -> {}).dbInstances()) {
        if (RdsDiscovery.isSqlServer(db)) {
          sqlServer++;
        }
      }
      return new Result(
          "discovery",
          region,
          Status.OK,
          "reachable; " + sqlServer + " SQL Server instance(s) before tag filters");
    } catch (SdkException e) {
      return new Result("discovery", region, Status.FAILED, AwsErrors.describe(e));
    }
  }

  private static boolean isAccessDenied(SdkException e) {
    return AwsErrors.describe(e).startsWith("AccessDenied");
  }
}
