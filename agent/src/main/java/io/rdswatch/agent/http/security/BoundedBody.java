package io.rdswatch.agent.http.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was read up front, at most a fixed number of bytes: a chunked body has no
 * Content-Length to check, so the cap is enforced while reading.
 */
final class BoundedBody extends HttpServletRequestWrapper {

  private final byte[] body;

  private BoundedBody(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** The request with its body buffered, or null when the body is longer than {@code max}. */
  static BoundedBody read(HttpServletRequest request, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try (InputStream in = request.getInputStream()) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        if (out.size() > max) {
          return null;
        }
      }
    }
    return new BoundedBody(request, out.toByteArray());
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the body is already read");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    String charset =
        getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
    return new BufferedReader(
        new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(charset)));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }
}
