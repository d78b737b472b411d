package org.healthclaims.engine.failover;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy on a loopback port that the test controls: it forwards every connection to the broker, and on
 * {@link #cut()} drops them all and refuses new ones (the port is closed, so a client sees "connection refused")
 * until {@link #restore()}. {@link #retarget(int)} points it at another broker port, as when an embedded broker
 * comes back on a new one.
 */
final class TcpProxy implements AutoCloseable {

    private final int port;
    private final String targetHost;
    private volatile int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private @Nullable ServerSocket listening;

    private TcpProxy(int port, String targetHost, int targetPort) {
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** A proxy on a free loopback port, forwarding to {@code targetHost:targetPort}. */
    static TcpProxy to(String targetHost, int targetPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            TcpProxy proxy = new TcpProxy(socket.getLocalPort(), targetHost, targetPort);
            proxy.listen(socket);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the proxy's port", e);
        }
    }

    int port() {
        return port;
    }

    /** {@code amqpUrl} (the broker's), with this proxy in the broker's place. */
    String amqpUrl(String amqpUrl) {
        java.net.URI broker = java.net.URI.create(amqpUrl);
        try {
            return new java.net.URI(
                            broker.getScheme(),
                            broker.getUserInfo(),
                            "127.0.0.1",
                            port,
                            broker.getPath(),
                            broker.getQuery(),
                            null)
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not an AMQP URL: " + amqpUrl, e);
        }
    }

    /** Drops every connection and closes the port: new connections are refused until {@link #restore()}. */
    synchronized void cut() {
        ServerSocket socket = listening;
        listening = null;
        if (socket != null) closeQuietly(socket);
        for (Socket s : open) closeQuietly(s);
        open.clear();
    }

    /** Opens the port again, the same one, so clients reconnect to the address they know. */
    synchronized void restore() {
        if (listening != null) return;
        try {
            ServerSocket socket = new ServerSocket();
            // the port's old connections may linger in TIME_WAIT
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listen(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open port " + port + " again", e);
        }
    }

    /** Forwards new connections to another port; the open ones end with their broker. */
    void retarget(int newTargetPort) {
        this.targetPort = newTargetPort;
    }

    @Override
    public void close() {
        cut();
    }

    private synchronized void listen(ServerSocket socket) {
        listening = socket;
        Thread.ofVirtual().name("proxy-accept-" + port).start(() -> {
            while (!socket.isClosed()) {
                Socket client;
                try {
                    client = socket.accept();
                } catch (IOException e) {
                    return; // cut or closed
                }
                forward(socket, client);
            }
        });
    }

    private void forward(ServerSocket accepting, Socket client) {
        Socket broker = new Socket();
        try {
            broker.connect(new InetSocketAddress(targetHost, targetPort), 2_000);
        } catch (IOException e) {
            // the broker is away: the client sees its connection closed at once
            closeQuietly(client);
            closeQuietly(broker);
            return;
        }
        open.add(client);
        open.add(broker);
        if (accepting.isClosed()) {
            // cut() ran while this connection was being made: it must not outlive the cut
            closeQuietly(client);
            closeQuietly(broker);
            return;
        }
        Thread.ofVirtual().start(() -> pump(client, broker));
        Thread.ofVirtual().start(() -> pump(broker, client));
    }

    /** Copies one direction until either side ends, then closes both, as a dropped connection does. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (SocketException e) {
            // closed by cut() or by the other side
        } catch (IOException e) {
            // a broken connection ends the same way
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing is all that is wanted; a socket already closed is fine
        }
    }
}
