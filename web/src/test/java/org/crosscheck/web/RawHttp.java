package org.crosscheck.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client over a socket that sends exactly the headers given, Host included (which
 * java.net.http will not let a caller set): what a browser sends in each attack, byte for byte.
 */
final class RawHttp {
  private RawHttp() {}

  /** A response: status, headers (names lower-cased) and body. */
  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  static Response send(int port, String requestLine, Map<String, String> headers, byte[] body) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(60_000);
      StringBuilder head = new StringBuilder(requestLine).append("\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (body != null && !headers.containsKey("Transfer-Encoding")) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      OutputStream out = s.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return parse(s.getInputStream().readAllBytes());
    }
  }

  static Response send(int port, String requestLine, Map<String, String> headers, String body) throws IOException {
    return send(port, requestLine, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private static Response parse(byte[] raw) throws IOException {
    String all = new String(raw, StandardCharsets.ISO_8859_1);
    int end = all.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no complete response: '" + all + "'");
    }
    String[] lines = all.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
          (a, b) -> a + ", " + b);
    }
    byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      rest = dechunk(new java.io.ByteArrayInputStream(rest));
    }
    return new Response(status, headers, new String(rest, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      StringBuilder size = new StringBuilder();
      int c;
      while ((c = in.read()) != '\n' && c >= 0) {
        if (c != '\r') {
          size.append((char) c);
        }
      }
      int n = size.isEmpty() ? 0 : Integer.parseInt(size.toString().split(";")[0].strip(), 16);
      if (n == 0) {
        return out.toByteArray();
      }
      out.write(in.readNBytes(n));
      in.read();
      in.read();
    }
  }

  /** @return a multipart/form-data body of the fields and one file, and its boundary */
  static Map.Entry<String, byte[]> multipart(Map<String, String> fields, String filename, String content) {
    String boundary = "----formboundary7MA4YWxkTrZu0gW";
    StringBuilder b = new StringBuilder();
    fields.forEach((k, v) -> b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
        .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
    if (filename != null) {
      b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"")
          .append(filename).append("\"\r\nContent-Type: text/plain\r\n\r\n").append(content).append("\r\n");
    }
    b.append("--").append(boundary).append("--\r\n");
    return Map.entry("multipart/form-data; boundary=" + boundary, b.toString().getBytes(StandardCharsets.UTF_8));
  }
}
