package io.rdswatch.agent.drill.http;

import io.rdswatch.agent.http.ApiError;
import jakarta.ws.rs.core.Response;

/** The `limit` of the drill lists: a page, not a dump of every journal kept. */
final class ListLimit {

  static final int MAX = 1000;

  private ListLimit() {}

  static void check(int limit) {
    if (limit < 0 || limit > MAX) {
      throw ApiError.of(
          Response.Status.BAD_REQUEST, "limit: must be between 0 and " + MAX + ", got " + limit);
    }
  }
}
