package dev.authpack.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body passed on unchanged while a subclass sees every chunk read from it, before the reader
 * gets it: counted against a limit ({@link JsonBodyLimitFilter}), hashed (the Idempotency-Key fingerprint).
 */
public abstract class ObservedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final byte[] one = new byte[1];

    protected ObservedInputStream(ServletInputStream in) {
        this.in = in;
    }

    /** Sees {@code len} bytes from {@code off} of {@code buf}, just read; may refuse them by throwing. */
    protected abstract void observe(byte[] buf, int off, int len) throws IOException;

    @Override
    public final int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            one[0] = (byte) b;
            observe(one, 0, 1);
        }
        return b;
    }

    @Override
    public final int read(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n > 0) {
            observe(buf, off, n);
        }
        return n;
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
