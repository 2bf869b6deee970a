package io.rdswatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent JVMs run with the JAVA_OPTS the .deb ships in /etc/default/rdswatch, so the figures
 * describe the agent as installed (-Xmx256m and all), not as a developer's default JVM.
 */
final class AgentJavaOpts {

  static final Path PACKAGED = Path.of("packaging/deb/etc/default/rdswatch");
  private static final Pattern LINE = Pattern.compile("(?m)^JAVA_OPTS=\"([^\"]*)\"");

  private AgentJavaOpts() {}

  static List<String> resolve(String override, Path repoRoot) throws IOException {
    String opts =
        override != null
            ? override
            : packaged(repoRoot.resolve(PACKAGED))
                .orElseThrow(
                    () ->
                        new IOException(
                            "no JAVA_OPTS=\"...\" line in "
                                + repoRoot.resolve(PACKAGED)
                                + "; pass --java-opts"));
    return Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  private static Optional<String> packaged(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Matcher m = LINE.matcher(Files.readString(file));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
