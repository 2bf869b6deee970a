package io.rdswatch.agent.config;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether this process can keep writing stateDir without leaving it unusable for another: every
 * file in stateDir and stateDir/drills must belong to the user running rdswatch, and the folders
 * must not be writable by group or others. Checked by the processes that write there (the agent,
 * `drill --wait`), not by read-only commands, which root may run on a service's config.
 */
public final class StateDirOwnership {

  private static final int SHOWN = 3;
  private static final Set<PosixFilePermission> GROUP_OTHER_WRITE =
      Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

  private StateDirOwnership() {}

  /**
   * Each "stateDir: ..." problem; none when stateDir does not exist yet or the file system has no
   * owners.
   */
  public static List<String> problems(Path stateDir) {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(stateDir)
        || !stateDir.getFileSystem().supportedFileAttributeViews().contains("unix")) {
      return out;
    }
    long me = new UnixSystem().getUid();
    List<String> foreign = new ArrayList<>();
    long owner = -1;
    for (Path p : entries(stateDir)) {
      long uid = uid(p);
      if (uid >= 0 && uid != me) {
        owner = owner < 0 ? uid : owner;
        foreign.add(p + " (uid " + uid + ")");
      }
    }
    if (!foreign.isEmpty()) {
      String more = foreign.size() > SHOWN ? " and " + (foreign.size() - SHOWN) + " more" : "";
      out.add(
          "stateDir: "
              + String.join(", ", foreign.subList(0, Math.min(SHOWN, foreign.size())))
              + more
              + " not owned by uid "
              + me
              + " that runs rdswatch; run it as the user that owns stateDir (uid "
              + owner
              + "), send the drill to the running agent (drill without --wait), or repair it with: chown -R "
              + owner
              + " "
              + stateDir);
    }
    for (Path folder : List.of(stateDir, stateDir.resolve("drills"))) {
      try {
        if (Files.isDirectory(folder)
            && Files.getPosixFilePermissions(folder).stream()
                .anyMatch(GROUP_OTHER_WRITE::contains)) {
          out.add("stateDir: " + folder + " is writable by group or others; chmod 0700 " + folder);
        }
      } catch (IOException | UnsupportedOperationException e) {
        // no POSIX modes here: nothing to check
      }
    }
    return out;
  }

  private static List<Path> entries(Path stateDir) {
    List<Path> all = new ArrayList<>(List.of(stateDir));
    for (Path folder : List.of(stateDir, stateDir.resolve("drills"))) {
      if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try (Stream<Path> list = Files.list(folder)) {
        list.filter(p -> !p.equals(stateDir.resolve("drills"))).forEach(all::add);
      } catch (IOException e) {
        // an unreadable folder shows as the writability error of the config check
      }
      if (!folder.equals(stateDir)) {
        all.add(folder);
      }
    }
    return all;
  }

  private static long uid(Path p) {
    try {
      return ((Number) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return -1;
    }
  }
}
