package io.rdswatch.agent.aws.client;

import java.net.URI;

/**
 * Where one AWS API is called.
 *
 * @param region an AWS region name, or null to use the SDK's default region chain
 * @param endpoint an endpoint override (tests, VPC interface endpoints), or null for the public one
 * @param what the config section this comes from, used in error messages ("cloudwatch")
 */
public record AwsLocation(String region, URI endpoint, String what) {

  public static AwsLocation of(String region, String endpoint, String what) {
    return new AwsLocation(region, endpoint == null ? null : URI.create(endpoint), what);
  }
}
