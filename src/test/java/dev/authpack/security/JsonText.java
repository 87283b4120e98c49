package dev.authpack.security;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes a JSON tree as text the way Python's json.dumps does, lone surrogates included (a
 * generator library would refuse them), with non-ASCII either escaped or raw.
 */
final class JsonText {

    private JsonText() {
    }

    static String write(JsonNode node, boolean asciiOnly) {
        StringBuilder out = new StringBuilder();
        write(node, asciiOnly, out);
        return out.toString();
    }

    private static void write(JsonNode node, boolean ascii, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                string(e.getKey(), ascii, out);
                out.append(": ");
                write(e.getValue(), ascii, out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(node.get(i), ascii, out);
            }
            out.append(']');
        } else if (node.isString()) {
            string(node.asString(), ascii, out);
        } else {
            out.append(node.toString());
        }
    }

    private static void string(String s, boolean ascii, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || (ascii && c > 0x7E)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
