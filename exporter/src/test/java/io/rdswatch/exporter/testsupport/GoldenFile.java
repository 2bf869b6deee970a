package io.rdswatch.exporter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a file under src/test/resources/golden/ of the module under test.
 *
 * <p>To regenerate after an intended change, run the test with {@code
 * -Drdswatch.golden.update=true} (e.g. {@code mvn -pl exporter test -Dtest=MetricsGoldenTest
 * -Drdswatch.golden.update=true}), then review the diff with git before committing. Updating
 * rewrites the file and passes.
 */
public final class GoldenFile {

  public static final String UPDATE_PROPERTY = "rdswatch.golden.update";

  private GoldenFile() {}

  /** Surefire runs with the module directory as working directory. */
  public static Path path(String name) {
    return Path.of("src", "test", "resources", "golden", name);
  }

  public static void assertMatches(String actual, String name) {
    Path file = path(name);
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file)
          .as("golden file %s is missing; run with -D%s=true to create it", file, UPDATE_PROPERTY)
          .exists();
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(actual)
          .as(
              "output differs from %s; if the change is intended rerun with -D%s=true",
              file, UPDATE_PROPERTY)
          .isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
