package dev.authpack.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A made-up case (patient "Warm Up Example", member WARMUP0000, no real person) that start-up renders
 * documents from: the packet warm-up, and the check that every document template can be filled. Edits
 * give the variants a template branches on (self-pay, renewal, out of network).
 */
public final class FictitiousCase {

    private FictitiousCase() {
    }

    /** The case as shipped. */
    public static CaseData read(JsonMapper json) {
        return read(json, node -> { });
    }

    /** The case after {@code edit} changed its JSON (e.g. {@code node.withObject("coverage").put("planType", "SELF_PAY")}). */
    public static CaseData read(JsonMapper json, Consumer<ObjectNode> edit) {
        try (InputStream in = FictitiousCase.class.getResourceAsStream("fictitious-case.json")) {
            JsonNode tree = json.readTree(in);
            edit.accept((ObjectNode) tree);
            return json.treeToValue(tree, CaseData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the fictitious case is part of the jar", e);
        }
    }
}
