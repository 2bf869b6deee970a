package io.rdswatch.agent.http.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what java.net.http will not send: any Host header, and a
 * request that announces a large body but sends only its start, so a test can see whether the agent
 * answers before reading it.
 */
final class RawHttp {

  record Reply(int status, String text) {}

  private RawHttp() {}

  static Reply send(URI base, String head, byte[] bodyStart) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (head.strip().replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(bodyStart);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      try {
        int n;
        while ((n = in.read(buf)) >= 0) {
          reply.write(buf, 0, n);
          if (complete(reply.toString(StandardCharsets.UTF_8))) {
            break;
          }
        }
      } catch (SocketException e) {
        // the agent closed the connection after answering; what arrived is the reply
      }
      String text = reply.toString(StandardCharsets.UTF_8);
      if (!text.startsWith("HTTP/1.1 ")) {
        throw new IOException("no HTTP reply, got: '" + text + "'");
      }
      return new Reply(Integer.parseInt(text.substring(9, 12)), text);
    }
  }

  private static boolean complete(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = text.substring(0, end).toLowerCase();
    int at = head.indexOf("content-length:");
    if (at < 0) {
      return false;
    }
    int eol = head.indexOf("\r\n", at);
    int length = Integer.parseInt(head.substring(at + 15, eol < 0 ? head.length() : eol).strip());
    return text.length() - end - 4 >= length;
  }
}
