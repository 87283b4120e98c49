package dev.authpack.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The public synthetic sample cases, shipped in test resources. */
public final class Samples {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Samples() {
    }

    public static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mutable copy, for tests that change one field. */
    public static ObjectNode tree(String name) {
        return (ObjectNode) JSON.readTree(text(name));
    }

    public static String json(Object tree) {
        return JSON.writeValueAsString(tree);
    }
}
