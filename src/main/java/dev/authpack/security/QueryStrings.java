package dev.authpack.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a raw query string can be decoded the way Tomcat decodes parameters: every {@code %} followed
 * by two hex digits, and the bytes so written valid UTF-8. Used where the parameters cannot be read to
 * find out (a form or multipart body would be read along with them).
 */
final class QueryStrings {

    private QueryStrings() {
    }

    static boolean decodable(String raw) {
        byte[] bytes = new byte[raw.length() * 3];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                // the request line is read as ISO-8859-1 bytes; a non-escaped byte stands for itself
                bytes[length++] = (byte) c;
                continue;
            }
            if (i + 2 >= raw.length()) {
                return false;
            }
            int high = Character.digit(raw.charAt(i + 1), 16);
            int low = Character.digit(raw.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return false;
            }
            bytes[length++] = (byte) (high << 4 | low);
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
}
