package dev.authpack.idempotency;

import dev.authpack.web.ObservedInputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What makes two requests the same request: method, path with query, media type and body, as one
 * SHA-256. A JSON, YAML or FHIR body is hashed as the endpoint reads it ({@link Digesting}), so a
 * 40 MB bundle is never held twice; an upload is hashed part by part (name, file name, type and
 * bytes), because the multipart boundary differs on every send of the same file.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(String method, String target, String mediaType, byte[] bodyDigest) {
        MessageDigest d = sha256();
        for (String s : new String[] {method, target, mediaType}) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            d.update(lengthOf(bytes.length));
            d.update(bytes);
        }
        d.update(bodyDigest);
        return HexFormat.of().formatHex(d.digest());
    }

    /** The media type the fingerprint compares: without a multipart boundary, lower case, no spaces. */
    static String mediaType(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return "";
        }
        String normal = type.toLowerCase(Locale.ROOT).replace(" ", "");
        return isMultipart(request) ? normal.split(";", 2)[0] : normal;
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The digest of an upload's parts; throws what parsing throws (too large, malformed). */
    static byte[] partsDigest(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest d = sha256();
        for (Part part : request.getParts()) {
            for (String s : new String[] {part.getName(), String.valueOf(part.getSubmittedFileName()),
                    String.valueOf(part.getContentType())}) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                d.update(lengthOf(bytes.length));
                d.update(bytes);
            }
            d.update(lengthOf(part.getSize()));
            try (InputStream in = part.getInputStream()) {
                digestAll(in, d);
            }
        }
        return d.digest();
    }

    /** The digest of a whole body read here (a retry, whose endpoint does not run). */
    static byte[] bodyDigest(HttpServletRequest request) throws IOException {
        MessageDigest d = sha256();
        digestAll(request.getInputStream(), d);
        return d.digest();
    }

    private static void digestAll(InputStream in, MessageDigest d) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            d.update(buffer, 0, n);
        }
    }

    private static byte[] lengthOf(long n) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) n;
            n >>>= 8;
        }
        return b;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The request as the endpoint sees it, hashing its body as it is read. */
    static final class Digesting extends HttpServletRequestWrapper {

        private final MessageDigest digest = sha256();
        private ServletInputStream stream;
        private BufferedReader reader;

        Digesting(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new DigestingStream(super.getInputStream(), digest);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }

        /** The digest of the whole body: what the endpoint left unread is read here first. */
        byte[] finish() throws IOException {
            ServletInputStream in = getInputStream();
            byte[] buffer = new byte[16 * 1024];
            while (in.read(buffer) >= 0) {
                // hashed as it passes
            }
            return digest.digest();
        }
    }

    private static final class DigestingStream extends ObservedInputStream {

        private final MessageDigest digest;

        DigestingStream(ServletInputStream in, MessageDigest digest) {
            super(in);
            this.digest = digest;
        }

        @Override
        protected void observe(byte[] buf, int off, int len) {
            digest.update(buf, off, len);
        }
    }
}
