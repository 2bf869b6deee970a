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

/** packaging/systemd/rdswatch.service verifies cleanly and is sandboxed (issue 6). */
class SystemdUnitTest {

  private static final String PACKAGED_JAVA = "/usr/bin/java";
  private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d+)");

  @Test
  void verifyPrintsNothing(@TempDir Path tmp) throws IOException {
    Tool.Result result = Tool.run(tmp, "systemd-analyze", "verify", "--man=no", verifiableCopy(tmp).toString());

    // unknown keys and bad values are only warnings with exit 0, so any output at all fails
    assertThat(result.output()).as(result.describe()).isEmpty();
    assertThat(result.exit()).as(result.describe()).isZero();
  }

  @Test
  void verifyWouldCatchATypo(@TempDir Path tmp) throws IOException {
    Path unit = verifiableCopy(tmp);
    Files.writeString(unit, Files.readString(unit).replace("ProtectSystem=strict", "ProtectSystem=strictest"));

    Tool.Result result = Tool.run(tmp, "systemd-analyze", "verify", "--man=no", unit.toString());

    assertThat(result.output()).contains("strictest");
  }

  @Test
  void securityExposureIsBelowTwoAndAHalf(@TempDir Path tmp) {
    assertThat(exposure(tmp, OpsFiles.UNIT)).isLessThan(2.5);
  }

  /** The "Overall exposure level" systemd-analyze security --offline=true gives a unit (0 best, 10 worst). */
  static double exposure(Path workDir, Path unit) {
    Tool.Result result = Tool.run(workDir, "systemd-analyze", "security", "--offline=true", unit.toString());
    Matcher m = EXPOSURE.matcher(result.output());
    assertThat(m.find()).as(result.describe()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void runsTheAgentHardenedButLeavesTheJitAlone() {
    List<String> lines = OpsFiles.read(OpsFiles.UNIT).lines().map(String::trim).toList();

    assertThat(lines).contains(
        "ExecStart=" + PACKAGED_JAVA + " $JAVA_OPTS -jar /usr/share/rdswatch/rdswatch.jar agent --config /etc/rdswatch/config.yml",
        "EnvironmentFile=-/etc/default/rdswatch", "DynamicUser=yes", "StateDirectory=rdswatch",
        "Restart=on-failure", "ProtectSystem=strict", "ProtectHome=yes", "NoNewPrivileges=yes", "PrivateTmp=yes",
        "PrivateDevices=yes", "CapabilityBoundingSet=", "SystemCallFilter=@system-service",
        "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX");
    assertThat(lines).noneMatch(l -> l.startsWith("MemoryDenyWriteExecute"));
  }

  /**
   * verify fails when ExecStart's binary is missing ("Command ... is not executable"). The package depends
   * on a Debian JRE, which provides /usr/bin/java; a build machine may have its JDK elsewhere. So the unit is
   * verified as shipped except for that one path, which becomes the JVM running this test.
   */
  private static Path verifiableCopy(Path tmp) throws IOException {
    String unit = OpsFiles.read(OpsFiles.UNIT);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    assertThat(unit).containsOnlyOnce("ExecStart=" + PACKAGED_JAVA + " ");
    Path copy = tmp.resolve("rdswatch.service");
    Files.writeString(copy, unit.replace("ExecStart=" + PACKAGED_JAVA + " ", "ExecStart=" + java + " "));
    return copy;
  }
}
