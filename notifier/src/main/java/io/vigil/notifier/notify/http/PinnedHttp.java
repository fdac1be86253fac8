package io.vigil.notifier.notify.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 POST to an address the SSRF guard already checked: the connection goes to that
 * address and no other (this client never looks the name up itself), while the {@code Host} header,
 * the TLS server name (SNI) and the certificate check use the URL's host name; the whole exchange
 * is bounded by one deadline; a redirect is returned as it is, never followed.
 */
public final class PinnedHttp {

  /** Longest response body kept (only its start is ever shown). */
  private static final int MAX_BODY = 64 * 1024;

  /**
   * The answer to one POST.
   *
   * @param status the HTTP status code
   * @param headers the response headers, names lower-cased, the first value of each
   * @param body the start of the body as UTF-8
   */
  public record Response(int status, Map<String, String> headers, String body) {}

  private final SSLContext tls;

  public PinnedHttp(SSLContext tls) {
    this.tls = tls;
  }

  /**
   * Posts {@code body} to {@code uri}, connecting only to {@code addresses} (in order, the next
   * when one refuses), within {@code timeout} in all.
   *
   * @param host the URL's host name, for the Host header and TLS
   * @throws SocketTimeoutException when the deadline passes
   * @throws IOException when no address accepts the connection or the answer is not HTTP
   */
  public Response post(
      URI uri,
      String host,
      List<InetAddress> addresses,
      Map<String, String> headers,
      byte[] body,
      Duration timeout)
      throws IOException {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Socket plain = connect(addresses, port, deadline)) {
      Socket socket = https ? handshake(plain, host, port, deadline) : plain;
      try (socket) {
        OutputStream out = socket.getOutputStream();
        out.write(head(uri, host, port, https, headers, body.length));
        out.write(body);
        out.flush();
        return read(new BufferedInputStream(new DeadlineInput(socket, deadline)));
      }
    }
  }

  private static Socket connect(List<InetAddress> addresses, int port, long deadline)
      throws IOException {
    IOException last = new IOException("no address to connect to");
    for (InetAddress address : addresses) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(address, port), remainingMillis(deadline));
        return socket;
      } catch (SocketTimeoutException e) {
        socket.close();
        throw e;
      } catch (IOException e) {
        socket.close();
        last = e;
      }
    }
    throw last;
  }

  private Socket handshake(Socket plain, String host, int port, long deadline) throws IOException {
    SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
    if (!isAddressLiteral(host)) {
      parameters.setServerNames(List.of(new SNIHostName(host)));
    }
    ssl.setSSLParameters(parameters);
    ssl.setSoTimeout(remainingMillis(deadline));
    ssl.startHandshake();
    return ssl;
  }

  private static byte[] head(
      URI uri, String host, int port, boolean https, Map<String, String> headers, int length) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    String hostHeader = host.contains(":") ? "[" + host + "]" : host;
    if (port != (https ? 443 : 80)) {
      hostHeader += ":" + port;
    }
    StringBuilder head = new StringBuilder();
    head.append("POST ").append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(hostHeader).append("\r\n");
    headers.forEach((name, value) -> head.append(field(name, value)));
    head.append("Content-Length: ").append(length).append("\r\n");
    head.append("Connection: close\r\n");
    if (headers.keySet().stream().noneMatch(n -> n.equalsIgnoreCase("User-Agent"))) {
      head.append("User-Agent: Vigil-Notifier\r\n");
    }
    head.append("\r\n");
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String field(String name, String value) {
    if ((name + value).chars().anyMatch(c -> c == '\r' || c == '\n')) {
      throw new IllegalArgumentException("header " + name + " contains a line break");
    }
    return name + ": " + value + "\r\n";
  }

  private static Response read(InputStream in) throws IOException {
    int status;
    Map<String, String> headers;
    do { // skip interim 1xx answers
      String statusLine = line(in);
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP/1.x answer: " + abbreviate(statusLine));
      }
      try {
        status = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IOException("not an HTTP status: " + abbreviate(statusLine), e);
      }
      headers = new HashMap<>();
      for (String h = line(in); !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        if (colon > 0) {
          headers.putIfAbsent(
              h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
      }
    } while (status >= 100 && status < 200);
    byte[] body;
    if (status == 204 || status == 304) {
      body = new byte[0];
    } else if (headers
        .getOrDefault("transfer-encoding", "")
        .toLowerCase(Locale.ROOT)
        .contains("chunked")) {
      body = chunked(in);
    } else if (headers.containsKey("content-length")) {
      body = in.readNBytes((int) Math.min(MAX_BODY, parseLength(headers.get("content-length"))));
    } else {
      body = in.readNBytes(MAX_BODY);
    }
    return new Response(status, Map.copyOf(headers), new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (body.size() < MAX_BODY) {
      String size = line(in);
      int semicolon = size.indexOf(';');
      long n = parseHex(semicolon < 0 ? size : size.substring(0, semicolon));
      if (n == 0) {
        break;
      }
      body.write(in.readNBytes((int) Math.min(n, MAX_BODY - body.size())));
      line(in);
    }
    return body.toByteArray();
  }

  private static long parseLength(String text) throws IOException {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IOException("bad Content-Length: " + abbreviate(text), e);
    }
  }

  private static long parseHex(String text) throws IOException {
    try {
      return Long.parseLong(text.trim(), 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size: " + abbreviate(text), e);
    }
  }

  /** One CRLF- (or LF-) terminated line, at most 8 KB. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c == -1) {
        throw new IOException("the connection closed in the middle of the answer");
      }
      if (line.size() > 8192) {
        throw new IOException("answer line longer than 8 KB");
      }
      line.write(c);
    }
    String s = line.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  static boolean isAddressLiteral(String host) {
    return host.contains(":") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
  }

  private static int remainingMillis(long deadline) throws SocketTimeoutException {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new SocketTimeoutException("deadline passed");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  /** Reads from a socket, each read bounded by what is left of the exchange's deadline. */
  private static final class DeadlineInput extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final long deadline;

    DeadlineInput(Socket socket, long deadline) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      socket.setSoTimeout(remainingMillis(deadline));
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      socket.setSoTimeout(remainingMillis(deadline));
      return in.read(b, off, len);
    }
  }
}
