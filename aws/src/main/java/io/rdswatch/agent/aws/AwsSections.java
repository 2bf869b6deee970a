package io.rdswatch.agent.aws;

import io.rdswatch.agent.aws.cloudwatch.CloudWatchConfig;
import io.rdswatch.agent.aws.discovery.DiscoveryConfig;
import io.rdswatch.agent.aws.secrets.SecretsManagerConfig;

/**
 * The top-level sections the AWS feature owns: `cloudwatch`, `discovery` and `secretsManager`. Each
 * checks itself as a {@link io.rdswatch.agent.feature.ConfigSection}.
 */
public record AwsSections(
    CloudWatchConfig cloudwatch, DiscoveryConfig discovery, SecretsManagerConfig secretsManager) {}
