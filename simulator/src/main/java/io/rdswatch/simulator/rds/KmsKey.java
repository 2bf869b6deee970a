package io.rdswatch.simulator.rds;

/**
 * A symmetric KMS key the instance's IAM role may know about.
 *
 * @param authorized the role is in the key policy (kms:GenerateDataKey / kms:Decrypt allowed)
 */
public record KmsKey(String arn, boolean authorized) {

  public KmsKey {
    if (arn == null || !arn.startsWith("arn:aws:kms:")) {
      throw new IllegalArgumentException(
          "a KMS key ARN must start with arn:aws:kms:, got '" + arn + "'");
    }
  }
}
