package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .deb's metadata, file list, conffiles and maintainer scripts, and what it unpacks to. */
class DebPackageIT {

  /** Path in the package to its mode, as dpkg-deb --contents prints it. */
  private static final Map<String, String> FILES =
      Map.ofEntries(
          Map.entry("./usr/share/rdswatch/rdswatch.jar", "-rw-r--r--"),
          Map.entry("./usr/bin/rdswatch", "-rwxr-xr-x"),
          Map.entry("./lib/systemd/system/rdswatch.service", "-rw-r--r--"),
          Map.entry("./lib/systemd/system/rdswatch@.service", "-rw-r--r--"),
          Map.entry("./etc/rdswatch/config.yml", "-rw-r--r--"),
          Map.entry("./etc/default/rdswatch", "-rw-------"),
          Map.entry("./usr/share/doc/rdswatch/README.md", "-rw-r--r--"),
          Map.entry("./usr/share/doc/rdswatch/dashboards/rdswatch-overview.json", "-rw-r--r--"),
          Map.entry("./usr/share/doc/rdswatch/dashboards/rdswatch-instance.json", "-rw-r--r--"),
          Map.entry("./usr/share/doc/rdswatch/dashboards/rdswatch-drills.json", "-rw-r--r--"),
          Map.entry("./usr/share/doc/rdswatch/alerts/rdswatch.rules.yml", "-rw-r--r--"),
          Map.entry("./usr/share/doc/rdswatch/alerts/runbooks.md", "-rw-r--r--"));

  @Test
  void infoNamesThePackageVersionAndJavaDependency() {
    Tool.Result info = Tool.run(OpsFiles.ROOT, "dpkg-deb", "--info", DebPackage.file().toString());

    assertThat(info.exit()).as(info.describe()).isZero();
    assertThat(info.output())
        .contains(
            " Package: rdswatch\n",
            " Architecture: all\n",
            " Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless\n");
    assertThat(info.output().toLowerCase())
        .contains(" version: " + DebPackage.debianVersion().toLowerCase() + "\n");
    assertThat(info.output()).contains("conffiles", "postinst", "prerm", "postrm");
  }

  @Test
  void containsTheFilesWithTheirModesAndOwners() {
    Tool.Result contents =
        Tool.run(OpsFiles.ROOT, "dpkg-deb", "--contents", DebPackage.file().toString());
    assertThat(contents.exit()).as(contents.describe()).isZero();
    // -rw-r--r-- root/root   2047 2026-11-27 13:30 ./lib/systemd/system/rdswatch.service
    Map<String, String> listed =
        contents
            .output()
            .lines()
            .map(l -> l.trim().split("\\s+"))
            .collect(Collectors.toMap(f -> f[5], f -> f[0] + " " + f[1]));

    FILES.forEach(
        (path, mode) -> assertThat(listed).as(path).containsEntry(path, mode + " root/root"));
    assertThat(
            listed.keySet().stream()
                .filter(
                    p ->
                        p.startsWith("./usr/share/doc/rdswatch/alerts/tests/")
                            && p.endsWith(".yml")))
        .hasSameSizeAs(OpsFiles.ruleTests());
    assertThat(listed.keySet()).noneMatch(p -> p.startsWith("./var/") || p.startsWith("./home/"));
  }

  @Test
  void controlHasTheConffilesAndSaneScripts(@TempDir Path tmp) throws IOException {
    Path control = tmp.resolve("DEBIAN");
    Tool.Result extract =
        Tool.run(tmp, "dpkg-deb", "--control", DebPackage.file().toString(), control.toString());
    assertThat(extract.exit()).as(extract.describe()).isZero();

    assertThat(Files.readAllLines(control.resolve("conffiles")))
        .containsExactlyInAnyOrder("/etc/rdswatch/config.yml", "/etc/default/rdswatch");
    for (String script : List.of("postinst", "prerm", "postrm")) {
      Path file = control.resolve(script);
      assertThat(Files.isExecutable(file)).as(script + " executable").isTrue();
      Tool.Result syntax = Tool.run(tmp, "sh", "-n", file.toString());
      assertThat(syntax.exit()).as(script + ": " + syntax.describe()).isZero();
    }
    assertThat(Files.readString(control.resolve("prerm")))
        .contains("systemctl stop rdswatch.service");
    // nothing an install could trip over: no accounts, no downloads, no chmod/chown of system paths
    String postinst = Files.readString(control.resolve("postinst"));
    assertThat(postinst)
        .doesNotContain("useradd", "adduser", "chown", "chmod", "curl", "wget", "rm ");
  }

  @Test
  void unpacksToTheRepositoryFilesAndARunnableJar(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("root");
    Tool.Result extract =
        Tool.run(tmp, "dpkg-deb", "--extract", DebPackage.file().toString(), root.toString());
    assertThat(extract.exit()).as(extract.describe()).isZero();

    assertThat(root.resolve("lib/systemd/system/rdswatch.service"))
        .hasSameBinaryContentAs(OpsFiles.UNIT);
    assertThat(root.resolve("lib/systemd/system/rdswatch@.service"))
        .hasSameBinaryContentAs(OpsFiles.TEMPLATE_UNIT);
    assertThat(root.resolve("etc/rdswatch/config.yml"))
        .hasSameBinaryContentAs(OpsFiles.EXAMPLE_CONFIG);
    assertThat(root.resolve("usr/share/doc/rdswatch/alerts/rdswatch.rules.yml"))
        .hasSameBinaryContentAs(OpsFiles.RULES);
    for (Path dashboard : OpsFiles.dashboards()) {
      assertThat(root.resolve("usr/share/doc/rdswatch/dashboards").resolve(dashboard.getFileName()))
          .hasSameBinaryContentAs(dashboard);
    }
    try (JarFile jar = new JarFile(root.resolve("usr/share/rdswatch/rdswatch.jar").toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("io.rdswatch.agent.cli.Main");
      assertThat(jar.getEntry("io/rdswatch/agent/cli/Main.class")).isNotNull();
    }
    // the unpacked unit, too, passes the checks the repository copy passes
    assertThat(SystemdUnitTest.exposure(tmp, root.resolve("lib/systemd/system/rdswatch.service")))
        .isLessThan(2.5);
  }
}
