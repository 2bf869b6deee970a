package io.rdswatch.agent.poll;

import io.rdswatch.agent.instance.RdsTimeZones;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the offset an instance's server reports ({@code SYSDATETIMEOFFSET()}, which every
 * conversion uses) with the offset RDS's {@code Timezone} stands for (README, "Time zones"). A
 * disagreement is logged once when it starts and once when it ends: the server's own offset still
 * wins, but someone should look (a wrong zone table, or an endpoint that is not the instance RDS
 * describes). One per instance poller; called only by the thread holding its poll claim.
 */
final class TimeZoneCrossCheck {

  private static final Logger LOG = LoggerFactory.getLogger(TimeZoneCrossCheck.class);

  private final String instance;
  private final String rdsTimezone; // null: nothing to check against (a static instance)
  private boolean unknownNameLogged;
  private volatile boolean mismatch;

  TimeZoneCrossCheck(String instance, String rdsTimezone) {
    this.instance = instance;
    this.rdsTimezone = rdsTimezone;
  }

  /** Whether the last check found the two offsets apart. */
  boolean mismatch() {
    return mismatch;
  }

  void check(ZoneOffset measured, Instant at) {
    if (rdsTimezone == null) {
      return;
    }
    Optional<ZoneId> zone = RdsTimeZones.zone(rdsTimezone);
    if (zone.isEmpty()) {
      if (!unknownNameLogged) {
        unknownNameLogged = true;
        LOG.info(
            "{}: RDS gives the time zone '{}', which rdswatch cannot map to an offset; the server's own"
                + " offset ({}) is used without a cross-check",
            instance,
            rdsTimezone,
            text(measured));
      }
      return;
    }
    ZoneOffset expected = zone.get().getRules().getOffset(at);
    boolean apart = !expected.equals(measured);
    if (apart && !mismatch) {
      LOG.warn(
          "{}: the server reports UTC offset {} (SYSDATETIMEOFFSET) but RDS describes its time zone as '{}',"
              + " which is {} now; server times are converted with the server's own {}. Check that this endpoint is"
              + " the instance RDS describes",
          instance,
          text(measured),
          rdsTimezone,
          text(expected),
          text(measured));
    } else if (!apart && mismatch) {
      LOG.info(
          "{}: the server's UTC offset {} agrees with its RDS time zone '{}' again",
          instance,
          text(measured),
          rdsTimezone);
    }
    mismatch = apart;
  }

  private static String text(ZoneOffset offset) {
    return offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
  }
}
