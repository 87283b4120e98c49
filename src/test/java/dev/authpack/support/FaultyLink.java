package dev.authpack.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between a service under test and its database that can go wrong the way a network does:
 * fall silent without closing anything (a firewall dropping packets, a host gone), or let a COMMIT through
 * and lose the database's answer by resetting the connection. Real sockets, real PostgreSQL behind it;
 * tools/net-faults/proxy.py is the same for the packaged jar. It finds a statement by its SQL text, which the
 * PostgreSQL driver stops sending once it has prepared the statement on the server: connect with
 * {@code prepareThreshold=0}.
 */
public final class FaultyLink implements AutoCloseable {

    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean silent;
    private volatile boolean silentAtCommit;
    private volatile int answersToLoseAtCommit;
    private volatile boolean cutOffAtCommit;
    private volatile byte[] transactionMarker = new byte[0];

    public FaultyLink(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accepting = new Thread(this::accept, "faulty-link-accept");
        accepting.setDaemon(true);
        accepting.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Nothing more is forwarded either way, and nothing is closed: every connection hangs. */
    public void fallSilent() {
        silent = true;
    }

    /**
     * The next COMMIT of a transaction that sent {@code statement} (SQL as the service sends it, e.g.
     * {@code "insert into cases"}) is held, and from then on nothing is forwarded (until {@link #heal}).
     */
    public void fallSilentAtTheCommitOf(String statement) {
        transactionMarker = statement.getBytes(StandardCharsets.UTF_8);
        silentAtCommit = true;
    }

    /**
     * The next COMMIT of a transaction that sent {@code statement} reaches the database; the database's answer
     * is lost and the connection reset: the write is done, and the service cannot know it.
     */
    public void loseTheAnswerToTheCommitOf(String statement) {
        transactionMarker = statement.getBytes(StandardCharsets.UTF_8);
        answersToLoseAtCommit = 1;
    }

    /**
     * The connection that sends the next COMMIT of a transaction that sent {@code statement} is cut off for
     * good, as by a network partition: the COMMIT never arrives, nothing more passes either way, and the
     * database's side is never closed (it sees an open connection in the middle of a transaction). Other
     * connections carry on.
     */
    public void cutOffAtTheCommitOf(String statement) {
        transactionMarker = statement.getBytes(StandardCharsets.UTF_8);
        cutOffAtCommit = true;
    }

    /** Forwards again, bytes held meanwhile included. */
    public void heal() {
        silentAtCommit = false;
        answersToLoseAtCommit = 0;
        cutOffAtCommit = false;
        silent = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                Link link = new Link();
                pump(client, server, link, true);
                pump(server, client, link, false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** One client's connection: whether the database's answers on it are being thrown away. */
    private static final class Link {
        volatile boolean answersLost;
        volatile boolean cutOff;
        boolean sentMarker;
    }

    private void pump(Socket from, Socket to, Link link, boolean fromClient) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            // not closed with try-with-resources: closing a socket's stream closes the socket, which a cut-off
            // link must not do to the database's side
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (fromClient && transactionMarker.length > 0 && contains(buffer, n, transactionMarker)) {
                        link.sentMarker = true;
                    }
                    if (fromClient && link.sentMarker && contains(buffer, n, COMMIT)) {
                        link.sentMarker = false;
                        if (cutOffAtCommit) {
                            cutOffAtCommit = false;
                            link.cutOff = true;
                        } else if (silentAtCommit) {
                            silent = true;
                        } else if (answersToLoseAtCommit > 0) {
                            answersToLoseAtCommit--;
                            link.answersLost = true;
                            out.write(buffer, 0, n);
                            out.flush();
                            resetLater(from, to);
                            return;
                        }
                    }
                    while (silent) {
                        Thread.sleep(20);
                    }
                    if (link.answersLost || link.cutOff) {
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException ended) {
                // one side went away: the other is closed with it below
            } finally {
                if (link.cutOff) {
                    close(fromClient ? from : to); // the database's side stays open, as after a partition
                } else {
                    close(from);
                    close(to);
                }
            }
        }, "faulty-link-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Gives the database time to commit, then resets both sides before its answer is passed on. */
    private void resetLater(Socket client, Socket server) {
        try {
            Thread.sleep(300);
            client.setSoLinger(true, 0);
        } catch (IOException | InterruptedException ignored) {
            // closed below either way
        }
        close(client);
        close(server);
    }

    private static boolean contains(byte[] buffer, int length, byte[] word) {
        outer:
        for (int i = 0; i + word.length <= length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (buffer[i + j] != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    @Override
    public void close() {
        heal();
        close(listener);
        open.forEach(FaultyLink::close);
    }

    private static void close(ServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
