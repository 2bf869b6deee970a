package io.rdswatch.agent.drill.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scratch database names: {@code <prefix><db>_<yyyyMMddHHmmss>_<4 random [a-z0-9]>}. The source
 * name is reduced to ASCII letters, digits and underscores (quotes, brackets, semicolons, spaces
 * and any non-ASCII character become {@code _}) and shortened so the whole name stays under 128
 * characters; so even the two statements that cannot take JDBC parameters (USE, DBCC CHECKDB) never
 * see a hostile character, and no collation rule can make two scratch names collide.
 */
public final class ScratchNames {

  /** SQL Server's sysname is nvarchar(128); "under 128" leaves room for nothing surprising. */
  public static final int MAX_LENGTH = 127;

  /** "_" + 14 digits + "_" + 4 characters. */
  private static final int SUFFIX_LENGTH = 20;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_]+");

  private final String prefix;
  private final RandomGenerator random;

  public ScratchNames(String prefix, RandomGenerator random) {
    if (prefix.isEmpty()
        || !VALID.matcher(prefix).matches()
        || prefix.length() > MAX_LENGTH - SUFFIX_LENGTH - 1) {
      throw new IllegalArgumentException(
          "scratch prefix '"
              + prefix
              + "' must be 1-"
              + (MAX_LENGTH - SUFFIX_LENGTH - 1)
              + " characters of [A-Za-z0-9_]");
    }
    this.prefix = prefix;
    this.random = random;
  }

  /** A fresh candidate name for a drill of {@code sourceDb} started at {@code now}. */
  public String generate(String sourceDb, Instant now) {
    StringBuilder rand = new StringBuilder(4);
    for (int i = 0; i < 4; i++) {
      rand.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return stem(sourceDb) + "_" + STAMP.format(now) + "_" + rand;
  }

  /** {@code <prefix><safe db>}: the part every scratch name of this database starts with. */
  public String stem(String sourceDb) {
    int budget = MAX_LENGTH - SUFFIX_LENGTH - prefix.length();
    StringBuilder safe = new StringBuilder(prefix);
    sourceDb.codePoints().limit(budget).forEach(cp -> safe.append(isSafe(cp) ? (char) cp : '_'));
    return safe.toString();
  }

  /**
   * Exactly the shape {@link #generate} produces for {@code sourceDb}, compared case-insensitively;
   * group 1 is the stamp.
   */
  public Pattern patternFor(String sourceDb) {
    return Pattern.compile(
        Pattern.quote(stem(sourceDb)) + "_([0-9]{14})_[a-z0-9]{4}", Pattern.CASE_INSENSITIVE);
  }

  /**
   * When the agent that made a scratch name of {@code sourceDb} started its drill, by that agent's
   * own clock; empty for any other name.
   */
  public Optional<Instant> startedAt(String sourceDb, String name) {
    Matcher m = patternFor(sourceDb).matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(STAMP.parse(m.group(1), Instant::from));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static boolean isSafe(int cp) {
    return cp < 128 && (Character.isLetterOrDigit(cp) || cp == '_');
  }

  /** ASCII letters, digits and underscores only, and under 128 characters. */
  public static boolean isValid(String name) {
    return name != null && name.length() <= MAX_LENGTH && VALID.matcher(name).matches();
  }

  /** Whether a name carries the prefix exactly (the only names a drill may ever drop). */
  public boolean hasPrefix(String name) {
    return name.startsWith(prefix);
  }

  /** Whether a name looks like a scratch database to SQL Server (which ignores case). */
  public boolean looksLikeScratch(String name) {
    return name.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
