package io.vigil.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A port is only handed out after the operating system has just let us bind it on loopback. */
final class FreePort {

  private FreePort() {}

  /** A loopback port that was free a moment ago (another process may still take it). */
  static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /** A free loopback port other than {@code taken}. */
  static int pickOtherThan(int taken) {
    int port = pick();
    while (port == taken) {
      port = pick();
    }
    return port;
  }
}
