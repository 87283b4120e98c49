package dev.authpack.content;

import dev.authpack.content.TemplateException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Reads a file under {@code templates/} as the UTF-8 text every such file must be. An editor that
 * saves Latin-1 or Windows-1252 (an accented Spanish description, a "®") makes bytes that are not
 * UTF-8: the reader says so with the line of the first such byte, instead of "cannot read the file
 * (MalformedInputException)", which neither names the line nor says what to do.
 */
public final class TemplateText {

    /** What is wrong with a file that is not UTF-8, and what to do; the caller adds the line. */
    public static final String NOT_UTF8 = "the file is not UTF-8 text: an accented or special character was saved in "
            + "another encoding (e.g. Latin-1); save the file as UTF-8";

    /** A PDF chosen in place of the policy file: its first bytes are not YAML, so the YAML reader's words misled. */
    public static final String A_PDF = "the file is a PDF, not a policy YAML file: choose the policy's .yaml file";
    /**
     * A file saved as UTF-16 ("Unicode" in some Windows editors): its zero bytes are valid UTF-8, so without this
     * the YAML reader said "special characters are not allowed" of a file that shows no special character.
     */
    public static final String UTF16 = "the file is not UTF-8 text (it looks like UTF-16): save the file as UTF-8";

    private TemplateText() {
    }

    /**
     * What an uploaded policy file is instead of UTF-8 text, when its first bytes say so ({@link #A_PDF},
     * {@link #UTF16}); null when it may be one. A zero byte among the first two is UTF-16's mark: no text
     * file holds one, and a UTF-16 file of ASCII keys has one in every second byte.
     */
    public static String notPolicyText(byte[] bytes) {
        if (startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return A_PDF;
        }
        boolean byteOrderMark = startsWith(bytes, new byte[] {(byte) 0xFE, (byte) 0xFF})
                || startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xFE});
        if (byteOrderMark || bytes.length >= 2 && (bytes[0] == 0 || bytes[1] == 0)) {
            return UTF16;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] start) {
        return bytes.length >= start.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
    }

    /** The file's text; a missing, unreadable or non-UTF-8 file is a {@link TemplateException} naming it. */
    public static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TemplateException(file, "file not found");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TemplateException(file, "cannot read the file (" + e.getClass().getSimpleName() + ")", e);
        }
        return utf8(bytes, line -> new TemplateException(file, List.of(new Problem("", NOT_UTF8, line))));
    }

    /**
     * The bytes as UTF-8 text, or {@code notUtf8} of the 1-based line of the first byte that is not UTF-8: an
     * uploaded policy file is held to the rule of the files read at start-up, rather than read with each such
     * byte replaced by "\uFFFD" and stored.
     */
    public static String utf8(byte[] bytes, IntFunction<? extends RuntimeException> notUtf8) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        if (utf8.decode(in, out, true).isError()) {
            throw notUtf8.apply(lineAt(bytes, in.position()));
        }
        utf8.flush(out);
        return out.flip().toString();
    }

    /** The 1-based line of byte {@code offset}. */
    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
