package io.rdswatch.agent.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of an API error: {"code": 404, "message": "..."}. */
public record ApiError(int code, String message) {

  public static WebApplicationException of(Response.Status status, String message) {
    return new WebApplicationException(
        message,
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new ApiError(status.getStatusCode(), message))
            .build());
  }
}
