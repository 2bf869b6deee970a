package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * packaging/systemd/rdswatch.service and the shard template rdswatch@.service verify cleanly and
 * are sandboxed alike. The template is checked as the instance rdswatch@1-of-3.service.
 */
class SystemdUnitTest {

  private static final String PACKAGED_JAVA = "/usr/bin/java";
  private static final Pattern EXPOSURE =
      Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d+)");
  private static final String SHARD = "1-of-3";

  /**
   * The unit as systemd-analyze is pointed at it: the plain unit, or one instance of the template.
   */
  enum Unit {
    SERVICE(OpsFiles.UNIT, "rdswatch.service"),
    TEMPLATE(OpsFiles.TEMPLATE_UNIT, "rdswatch@" + SHARD + ".service");

    final Path file;
    final String instance;

    Unit(Path file, String instance) {
      this.file = file;
      this.instance = instance;
    }
  }

  @ParameterizedTest
  @EnumSource(Unit.class)
  void verifyPrintsNothing(Unit unit, @TempDir Path tmp) throws IOException {
    Tool.Result result =
        Tool.run(
            tmp, "systemd-analyze", "verify", "--man=no", verifiableCopy(tmp, unit).toString());

    // unknown keys and bad values are only warnings with exit 0, so any output at all fails
    assertThat(result.output()).as(result.describe()).isEmpty();
    assertThat(result.exit()).as(result.describe()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Unit.class)
  void verifyWouldCatchATypo(Unit unit, @TempDir Path tmp) throws IOException {
    Path verified = verifiableCopy(tmp, unit);
    Path file = tmp.resolve(unit.file.getFileName());
    Files.writeString(
        file, Files.readString(file).replace("ProtectSystem=strict", "ProtectSystem=strictest"));

    Tool.Result result =
        Tool.run(tmp, "systemd-analyze", "verify", "--man=no", verified.toString());

    assertThat(result.output()).contains("strictest");
  }

  @ParameterizedTest
  @EnumSource(Unit.class)
  void securityExposureIsBelowTwoAndAHalf(Unit unit, @TempDir Path tmp) throws IOException {
    Files.copy(unit.file, tmp.resolve(unit.file.getFileName()));

    assertThat(exposure(tmp, tmp.resolve(unit.instance))).isLessThan(2.5);
  }

  @Test
  void theTemplateIsHardenedExactlyLikeTheService() {
    assertThat(sandbox(OpsFiles.TEMPLATE_UNIT))
        .isEqualTo(sandbox(OpsFiles.UNIT))
        .contains("NoNewPrivileges=yes");
    assertThat(OpsFiles.read(OpsFiles.TEMPLATE_UNIT).lines().map(String::trim))
        .contains(
            "DynamicUser=yes",
            "UMask=0077",
            "StateDirectoryMode=0700",
            "EnvironmentFile=-/etc/default/rdswatch");
  }

  @Test
  void eachShardOwnsItsShareAndKeepsItsOwnState() {
    List<String> lines = OpsFiles.read(OpsFiles.TEMPLATE_UNIT).lines().map(String::trim).toList();

    assertThat(lines)
        .contains(
            "ExecStart="
                + PACKAGED_JAVA
                + " $JAVA_OPTS -jar /usr/share/rdswatch/rdswatch.jar agent --config"
                + " /etc/rdswatch/config.yml --shard %i --state-dir /var/lib/rdswatch-%i",
            "StateDirectory=rdswatch-%i",
            "WorkingDirectory=/var/lib/rdswatch-%i",
            "EnvironmentFile=-/etc/default/rdswatch-%i");
  }

  /**
   * The [Service] lines from the sandboxing comment on, and [Install]: the part both units share
   * verbatim.
   */
  private static String sandbox(Path unit) {
    String text = OpsFiles.read(unit);
    return text.substring(text.indexOf("# Sandboxing."));
  }

  /**
   * The "Overall exposure level" systemd-analyze security --offline=true gives a unit (0 best, 10
   * worst).
   */
  static double exposure(Path workDir, Path unit) {
    Tool.Result result =
        Tool.run(workDir, "systemd-analyze", "security", "--offline=true", unit.toString());
    Matcher m = EXPOSURE.matcher(result.output());
    assertThat(m.find()).as(result.describe()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void runsTheAgentHardenedButLeavesTheJitAlone() {
    List<String> lines = OpsFiles.read(OpsFiles.UNIT).lines().map(String::trim).toList();

    assertThat(lines)
        .contains(
            "ExecStart="
                + PACKAGED_JAVA
                + " $JAVA_OPTS -jar /usr/share/rdswatch/rdswatch.jar agent --config /etc/rdswatch/config.yml",
            "EnvironmentFile=-/etc/default/rdswatch",
            "DynamicUser=yes",
            "StateDirectory=rdswatch",
            "Restart=on-failure",
            "ProtectSystem=strict",
            "ProtectHome=yes",
            "NoNewPrivileges=yes",
            "PrivateTmp=yes",
            "PrivateDevices=yes",
            "CapabilityBoundingSet=",
            "SystemCallFilter=@system-service",
            "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX");
    assertThat(lines).noneMatch(l -> l.startsWith("MemoryDenyWriteExecute"));
  }

  /**
   * verify fails when ExecStart's binary is missing ("Command ... is not executable"). The package
   * depends on a Debian JRE, which provides /usr/bin/java; a build machine may have its JDK
   * elsewhere. So the unit is verified as shipped except for that one path, which becomes the JVM
   * running this test.
   */
  private static Path verifiableCopy(Path tmp, Unit unit) throws IOException {
    String text = OpsFiles.read(unit.file);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    assertThat(text).containsOnlyOnce("ExecStart=" + PACKAGED_JAVA + " ");
    Path copy = tmp.resolve(unit.file.getFileName());
    Files.writeString(
        copy, text.replace("ExecStart=" + PACKAGED_JAVA + " ", "ExecStart=" + java + " "));
    return tmp.resolve(unit.instance);
  }
}
