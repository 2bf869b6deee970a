package io.rdswatch.agent.aws.secrets;

import io.rdswatch.agent.aws.client.AwsErrors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** Reads a secret's SecretString. Failures are reported without any response content. */
@FunctionalInterface
public interface SecretFetcher {

  String secretString(String arn) throws SecretUnavailableException;

  static SecretFetcher using(SecretsManagerClient client) {
    return arn -> {
      GetSecretValueResponse response;
      try {
        response = client.getSecretValue(r -> r.secretId(arn));
      } catch (SdkException e) {
        throw new SecretUnavailableException(
            "GetSecretValue on " + arn + " failed: " + AwsErrors.describe(e));
      }
      if (response.secretString() == null) {
        throw new SecretUnavailableException(
            "secret " + arn + " holds binary data, not RDS's JSON {\"username\", \"password\"}");
      }
      return response.secretString();
    };
  }
}
