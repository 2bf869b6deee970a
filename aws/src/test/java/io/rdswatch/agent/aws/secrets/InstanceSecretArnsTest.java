package io.rdswatch.agent.aws.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdswatch.agent.aws.AwsFakes;
import io.rdswatch.agent.feature.ConfigFacts;
import io.rdswatch.agent.instance.InstanceConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The secretsManager section judges the secret ARNs the static instances give it, and only those.
 */
class InstanceSecretArnsTest {

  private static final String ARN =
      "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds-AbCdEf";

  private static List<String> check(String... instances) {
    List<InstanceConfig> list = new ArrayList<>();
    Arrays.stream(instances)
        .map(y -> y == null ? null : AwsFakes.yaml(y, InstanceConfig.class))
        .forEach(list::add);
    List<String> errors = new ArrayList<>();
    new SecretsManagerConfig().check("secretsManager", new ConfigFacts(list, false), errors);
    return errors;
  }

  @Test
  void anArnThatIsTheOnlySourceIsJudgedAtItsInstancesPath() {
    assertThat(
            check(
                "{ name: a, passwordSecretArn: " + ARN + " }",
                null,
                "{ name: c, passwordSecretArn: hunter2 }"))
        .singleElement()
        .asString()
        .startsWith("instances[2].passwordSecretArn: must be a Secrets Manager secret ARN")
        .doesNotContain("hunter2");
  }

  @Test
  void anArnBesideAnotherSourceIsLeftToTheInstanceRules() {
    assertThat(check("{ name: a, password: x, passwordSecretArn: hunter2 }")).isEmpty();
  }

  @Test
  void theDrillLoginsArnIsJudgedOnlyWithADrillUsername() {
    assertThat(check("{ name: a, password: x, drillPasswordSecretArn: hunter2 }")).isEmpty();
    assertThat(check("{ name: a, password: x, drillUsername: d, drillPasswordSecretArn: hunter2 }"))
        .singleElement()
        .asString()
        .startsWith("instances[0].drillPasswordSecretArn: must be a Secrets Manager secret ARN");
  }

  @Test
  void aMissingInstanceListIsLeftToBeanValidation() {
    List<String> errors = new ArrayList<>();
    new SecretsManagerConfig().check("secretsManager", new ConfigFacts(null, false), errors);
    assertThat(errors).isEmpty();
  }
}
