package io.rdswatch.exporter.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * THE conversion of a server's wall-clock times to UTC. An RDS for SQL Server instance keeps the
 * time zone it was created with, and serves its DATETIME values (rds_task_status times, task_info
 * line stamps, sys.databases.create_date) without an offset, in that zone. The offset comes from
 * the server itself ({@code SYSDATETIMEOFFSET()}), read on the same connection at every poll; see
 * the README's "Time zones" section.
 *
 * <p>The offset is the one in force when it was read: times older than the zone's last daylight
 * saving change are off by that change.
 */
public record ServerTime(ZoneOffset offset) {

  /** RDS's default server time zone. */
  public static final ServerTime UTC = new ServerTime(ZoneOffset.UTC);

  public ServerTime {
    Objects.requireNonNull(offset, "offset");
  }

  /** The offset a server reported with its {@code SYSDATETIMEOFFSET()}. */
  public static ServerTime of(OffsetDateTime serverNow) {
    ZoneOffset o = serverNow.getOffset();
    return o.equals(ZoneOffset.UTC) ? UTC : new ServerTime(o);
  }

  /** A server wall-clock time as the moment it names; null stays null. */
  public Instant toUtc(LocalDateTime serverLocal) {
    return serverLocal == null ? null : serverLocal.toInstant(offset);
  }
}
