package nl.kamervragen.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for the servers the tests start, on the loopback address only. */
public final class FreePorts {

  private FreePorts() {}

  /** A port of 127.0.0.1 that nothing listens on now. */
  public static int loopback() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
