package io.rdswatch.agent.sql;

import java.time.Instant;

/**
 * One user database as sys.databases lists it.
 *
 * @param createDate sys.databases.create_date as an instant (server-local time converted with the
 *     server's offset); null if the server left it empty
 */
public record CatalogDatabase(
    String name, String state, String recoveryModel, Instant createDate) {}
