package dev.authpack.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A request written to the socket byte for byte, and the whole answer as sent: for what Java's HTTP
 * client refuses to send (a malformed escape, a bad chunk size, TRACE, raw bytes in the path). Send
 * {@code Connection: close} so that the answer ends.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The answer, status line and headers included, read as ISO-8859-1 (one char per byte). */
    public static String send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
