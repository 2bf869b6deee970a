package io.rdswatch.agent.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The .deb that `mvn package` built (jdeb, bound to the package phase in agent/pom.xml). Failsafe
 * passes the build directory and project version; the file is rdswatch_&lt;debian
 * version&gt;_all.deb, where jdeb turns "-SNAPSHOT" into "~snapshot".
 */
final class DebPackage {

  static final String BUILD_DIR = "rdswatch.build.dir";
  static final String VERSION = "rdswatch.version";

  private DebPackage() {}

  static String debianVersion() {
    return property(VERSION).replace("-SNAPSHOT", "~SNAPSHOT");
  }

  static Path file() {
    Path dir = Path.of(property(BUILD_DIR));
    String expected = "rdswatch_" + debianVersion() + "_all.deb";
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found =
          files.filter(p -> p.getFileName().toString().equalsIgnoreCase(expected)).toList();
      if (found.size() != 1) {
        throw new AssertionError(
            "expected exactly one "
                + expected
                + " in "
                + dir
                + " (built by `mvn package`), found "
                + found);
      }
      return found.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new AssertionError(
          "system property " + name + " is not set: run through `mvn verify` (failsafe sets it)");
    }
    return value;
  }
}
