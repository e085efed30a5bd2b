package io.meridian.gateway.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Sends bytes no well-behaved client library would (malformed paths, huge request lines). */
final class RawHttp {

  private RawHttp() {}

  /** Writes {@code request} and returns what the server answered until it closed the connection. */
  static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          out.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException e) {
        // What arrived is the answer.
      }
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }

  static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }
}
