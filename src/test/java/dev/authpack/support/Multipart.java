package dev.authpack.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body with a title and a file part, as browsers and scripts send it. */
public record Multipart(byte[] body, String contentType) {

    public static Multipart of(String title, String fileName, byte[] content) {
        String boundary = "----authpack-test-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n");
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + boundary + "--\r\n");
        return new Multipart(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    /** The title sent as a file part (a crafted request: {@code curl -F title=@notes.pdf}). */
    public static Multipart titleAsFile(byte[] content) {
        String boundary = "----authpack-test-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : new String[] {"title", "file"}) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
                    + "\"; filename=\"notes.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
            out.writeBytes(content);
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return new Multipart(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    /** Two file parts named {@code file} and, when {@code titles} holds two, two title parts. */
    public static Multipart twoFiles(byte[] first, byte[] second, String... titles) {
        String boundary = "----authpack-test-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String title : titles) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n");
        }
        for (byte[] content : new byte[][] {first, second}) {
            if (content != null) {
                write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.pdf\""
                        + "\r\nContent-Type: application/pdf\r\n\r\n");
                out.writeBytes(content);
                write(out, "\r\n");
            }
        }
        write(out, "--" + boundary + "--\r\n");
        return new Multipart(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
