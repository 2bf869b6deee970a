package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs, reinstalls over an edited conffile, removes and purges the .deb with the real dpkg,
 * into a scratch root. Maintainer scripts run unchrooted with DPKG_ROOT set
 * (--force-script-chrootless), which they honour: they touch no systemd and no path outside the
 * scratch root. The Java dependency cannot be met in an empty root, so it is forced.
 */
class DebInstallIT {

  @Test
  void installKeepsEditedConffilesAndPurgeRemovesEverything(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("root");
    Files.createDirectories(root.resolve("var/lib/dpkg/info"));
    Files.createDirectories(root.resolve("var/lib/dpkg/updates"));
    Files.createFile(root.resolve("var/lib/dpkg/status"));
    Files.createFile(root.resolve("var/lib/dpkg/available"));
    String deb = DebPackage.file().toString();

    assertOk(dpkg(root, "--install", deb));
    assertThat(dpkg(root, "--status", "rdswatch").output())
        .contains(
            "Status: install ok installed",
            " /etc/rdswatch/config.yml ",
            " /etc/default/rdswatch ");
    assertThat(root.resolve("usr/share/rdswatch/rdswatch.jar")).isRegularFile();
    assertThat(root.resolve("lib/systemd/system/rdswatch.service")).isRegularFile();

    Path config = root.resolve("etc/rdswatch/config.yml");
    Files.writeString(config, Files.readString(config) + "# edited by the admin\n");
    // the state systemd would have created for the DynamicUser
    Path state = Files.createDirectories(root.resolve("var/lib/private/rdswatch"));
    Files.writeString(state.resolve("orders-prod.json"), "{}");

    assertOk(dpkg(root, "--force-confold", "--install", deb));
    assertThat(Files.readString(config)).endsWith("# edited by the admin\n");

    assertOk(dpkg(root, "--remove", "rdswatch"));
    assertThat(root.resolve("usr/share/rdswatch/rdswatch.jar")).doesNotExist();
    assertThat(config).exists();
    assertThat(state).exists();

    assertOk(dpkg(root, "--purge", "rdswatch"));
    assertThat(config).doesNotExist();
    assertThat(root.resolve("etc/default/rdswatch")).doesNotExist();
    assertThat(state).doesNotExist();
    assertThat(dpkg(root, "--status", "rdswatch").exit()).isNotZero();
  }

  private static Tool.Result dpkg(Path root, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "dpkg",
                "--root=" + root,
                "--force-depends",
                "--force-script-chrootless",
                "--force-not-root",
                "--log=" + root.resolve("dpkg.log")));
    command.addAll(List.of(args));
    return Tool.run(root, command);
  }

  private static void assertOk(Tool.Result result) {
    assertThat(result.exit()).as(result.describe()).isZero();
  }
}
