package io.rdswatch.agent.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /usr/bin/rdswatch takes /etc/default/rdswatch as data, never as shell code. */
class CliWrapperTest {

  @TempDir Path dir;

  @Test
  void theDefaultsFileIsReadAsPlainLinesAndNeverRun() throws Exception {
    Path pwned = dir.resolve("pwned");
    Path env =
        Files.writeString(
            dir.resolve("default"),
            """
        # a comment
        JAVA_OPTS="-Xms64m -Xmx256m"
        DB_PASSWORD=a`touch %s`b$(touch %s)c;d
          SPACED = x y
        QUOTED='$HOME'
        1BAD=x
        """
                .formatted(pwned, pwned));
    String wrapper =
        Files.readString(OpsFiles.ROOT.resolve("packaging/deb/usr/bin/rdswatch"))
            .replace("/etc/default/rdswatch", env.toString());
    Path script = Files.writeString(dir.resolve("rdswatch"), wrapper);
    // a `java` first on PATH that shows what the real one would get
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path java =
        Files.writeString(bin.resolve("java"), "#!/bin/sh\nprintf 'arg=%s\\n' \"$@\"\nenv\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

    ProcessBuilder pb =
        new ProcessBuilder("sh", script.toString(), "check", "--config", "x.yml")
            .redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.lines())
        .contains(
            "DB_PASSWORD=a`touch " + pwned + "`b$(touch " + pwned + ")c;d",
            "SPACED=x y",
            "QUOTED=$HOME",
            "arg=-Xms64m",
            "arg=-Xmx256m",
            "arg=-jar",
            "arg=/usr/share/rdswatch/rdswatch.jar",
            "arg=check");
    assertThat(out).doesNotContain("1BAD=");
    assertThat(pwned).doesNotExist();
  }
}
