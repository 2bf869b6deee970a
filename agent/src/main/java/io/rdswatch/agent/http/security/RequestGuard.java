package io.rdswatch.agent.http.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The one gate in front of both ports, run before any servlet or resource reads the request: the
 * Host header must be one the agent answers to, the credentials are checked, and only then is a
 * body (at most {@link #MAX_BODY_BYTES}) read. An unauthenticated client therefore costs a header
 * parse, never a body buffer. What needs which credential is in the README's Security section.
 */
public final class RequestGuard implements Filter {

  /** The application port (/metrics, /api, /drills) or Dropwizard's admin port. */
  public enum Port {
    APPLICATION,
    ADMIN
  }

  public static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Set<String> READ_ONLY = Set.of("GET", "HEAD", "OPTIONS");

  private final Port port;
  private final AllowedHosts hosts;
  private final BearerToken token;
  private final BasicAuthUsers users;

  public RequestGuard(
      Port port, AllowedHosts hosts, String apiToken, Map<String, String> basicAuthUsers) {
    this.port = port;
    this.hosts = hosts;
    this.token = new BearerToken(apiToken);
    this.users = new BasicAuthUsers(basicAuthUsers);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (!hosts.allows(request.getServerName())) {
      refuse(
          response,
          421,
          "Host '"
              + request.getServerName()
              + "' is not a name this agent answers to (http.allowedHosts)");
      return;
    }
    String authorization = request.getHeader("Authorization");
    boolean bearer = token.accepts(authorization);
    boolean basic = !bearer && users.accepts(authorization);
    if (users.enabled() && !bearer && !basic) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"rdswatch\", charset=\"UTF-8\"");
      refuse(response, 401, "missing or wrong credentials (http.basicAuthUsers)");
      return;
    }
    boolean changes = !READ_ONLY.contains(request.getMethod());
    if (port == Port.APPLICATION && changes && !bearer) {
      if (!token.enabled()) {
        refuse(
            response,
            403,
            request.getMethod()
                + " "
                + request.getRequestURI()
                + " is disabled: set api.token in the config");
      } else {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"rdswatch\"");
        refuse(response, 401, "missing or wrong bearer token");
      }
      return;
    }
    if (port == Port.ADMIN && (changes || isProfiler(request)) && !bearer && !basic) {
      if (!token.enabled() && !users.enabled()) {
        refuse(
            response,
            403,
            "admin tasks and profiling are off: set api.token or http.basicAuthUsers");
      } else {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"rdswatch\"");
        refuse(response, 401, "missing or wrong bearer token or admin credentials");
      }
      return;
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      refuse(response, 413, "request body larger than " + MAX_BODY_BYTES + " bytes");
      return;
    }
    if (changes) {
      BoundedBody body = BoundedBody.read(request, MAX_BODY_BYTES);
      if (body == null) {
        refuse(response, 413, "request body larger than " + MAX_BODY_BYTES + " bytes");
        return;
      }
      chain.doFilter(body, response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isProfiler(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.startsWith("/pprof") || path.startsWith("/tasks") || path.startsWith("/threads");
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Connection", "close");
    byte[] json =
        ("{\"code\":" + status + ",\"message\":\"" + jsonEscape(message) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }

  private static String jsonEscape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == '<' || c == '>') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
