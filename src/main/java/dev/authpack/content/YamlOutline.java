package dev.authpack.content;

import dev.authpack.content.TemplateException.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What a YAML file holds, key by key, with the line of each key: read before the file is bound to
 * its record, so every problem can name its key and line however far the binding got before it
 * failed (a record is only built at the end of its section, which is where the binder's own
 * position points). Also where the file's shape is checked: one document holding one mapping, no
 * key written twice, valid YAML.
 */
final class YamlOutline {

    /** A plain reader: the outline finds keys written twice itself, with the path of the key. */
    private static final ObjectMapper READER = YAMLMapper.builder().build();

    enum Kind { SECTION, LIST, TEXT, NUMBER, BOOLEAN, NOTHING }

    /** One value of the file: a section (mapping), a list or a single value, and the line it is on. */
    static final class Node {
        final Kind kind;
        final int line;
        final String text;
        final Map<String, Node> keys = new LinkedHashMap<>();
        final List<Node> items = new ArrayList<>();

        Node(Kind kind, int line, String text) {
            this.kind = kind;
            this.line = line;
            this.text = text;
        }

        /** How the value reads in a message: "the text 'eighteen'", "a list". */
        String found() {
            return switch (kind) {
                case SECTION -> "a section of keys";
                case LIST -> "a list";
                case TEXT -> "the text '" + shorten(text) + "'";
                case NUMBER -> "the number " + shorten(text);
                case BOOLEAN -> "the value " + text;
                case NOTHING -> "nothing";
            };
        }

        private static String shorten(String s) {
            String one = s.replaceAll("\\s+", " ").strip();
            return one.length() > 60 ? one.substring(0, 57) + "..." : one;
        }
    }

    private final Node root;
    private final Map<String, Node> byPath = new HashMap<>();

    private YamlOutline(Node root) {
        this.root = root;
        index("", root);
    }

    /**
     * Reads {@code text}; a file that is empty, not valid YAML, holds more than one document, holds
     * something else than a mapping at the top, or writes a key twice is a {@link TemplateException}
     * naming {@code file}. {@code what} says what the file should hold ("one policy"), or null.
     */
    static YamlOutline of(Path file, String text, String what) {
        try (JsonParser p = READER.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                throw new TemplateException(file, "the file is empty");
            }
            Node root = value(file, p, "", p.currentTokenLocation().getLineNr());
            if (root.kind != Kind.SECTION) {
                throw new TemplateException(file, List.of(new Problem("", "the file must hold "
                        + (what == null ? "a section of keys" : what + " (a section of keys)") + ", found "
                        + (root.kind == Kind.LIST ? "a list" : root.found()), root.line)));
            }
            if (p.nextToken() != null) {
                throw new TemplateException(file, List.of(new Problem("", "the file holds more than one YAML "
                        + "document (a second one starts here): keep one per file", line(p))));
            }
            return new YamlOutline(root);
        } catch (StreamReadException e) {
            throw new TemplateException(file, List.of(new Problem("", "not valid YAML: " + YamlSyntax.problem(e),
                    YamlSyntax.line(e))));
        } catch (JacksonException e) {
            throw new TemplateException(file, List.of(new Problem("", "the file cannot be read as YAML", 0)));
        }
    }

    private static Node value(Path file, JsonParser p, String path, int line) {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Node section = new Node(Kind.SECTION, line, null);
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    String keyPath = join(path, key);
                    if (section.keys.containsKey(key)) {
                        throw new TemplateException(file, List.of(new Problem(keyPath, "key '" + key
                                + "' is written twice (first on line " + section.keys.get(key).line + ")", keyLine)));
                    }
                    p.nextToken();
                    section.keys.put(key, value(file, p, keyPath, keyLine));
                }
                return section;
            }
            case START_ARRAY -> {
                Node list = new Node(Kind.LIST, line, null);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.items.add(value(file, p, path + "[" + list.items.size() + "]", line(p)));
                }
                return list;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node(Kind.NUMBER, line, p.getString());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node(Kind.BOOLEAN, line, p.getString());
            }
            case VALUE_NULL -> {
                return new Node(Kind.NOTHING, line, null);
            }
            default -> {
                return new Node(Kind.TEXT, line, p.getString() == null ? "" : p.getString());
            }
        }
    }

    private static int line(JsonParser p) {
        var location = p.currentTokenLocation();
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    /**
     * The YAML reader's own words for a syntax error, without its excerpt of the file: e.g. "mapping
     * values are not allowed here" (the line is given apart).
     */
    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private void index(String path, Node node) {
        byPath.put(path, node);
        node.keys.forEach((key, child) -> index(join(path, key), child));
        for (int i = 0; i < node.items.size(); i++) {
            index(path + "[" + i + "]", node.items.get(i));
        }
    }

    Node root() {
        return root;
    }

    /** The value at a path such as {@code criteria.pdmp.pdmpWindowDays} or {@code treatments[0]}, or null. */
    Node at(String path) {
        return byPath.get(path);
    }

    /**
     * The line of the key at {@code path}; for a key that is not in the file (one left out), the
     * line of the nearest section that is. 0 for the top level, which has no one line.
     */
    int lineNear(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Node node = byPath.get(p);
            if (node != null) {
                return node.line;
            }
            p = parent(p);
        }
        return 0;
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
