package dev.authpack.completeness;

import dev.authpack.casefile.CaseData;
import dev.authpack.core.Icd10Code;
import dev.authpack.core.Money;
import dev.authpack.core.Npi;
import dev.authpack.core.Tin;
import dev.authpack.support.JsonEdits;
import java.io.InputStream;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test-only case input: a public sample as a JSON tree, edited by path ("medicationTrials[0].endDate")
 * and bound to {@link CaseData}. The API's strict binder belongs to casefile; this is just enough
 * binding to feed the evaluator the same shapes clinics send.
 */
final class CaseBuilder {

    static final JsonMapper MAPPER = JsonMapper.builder().addModule(new SimpleModule("test-values")
                    .addDeserializer(Npi.class, text(Npi::of))
                    .addDeserializer(Icd10Code.class, text(Icd10Code::of))
                    .addDeserializer(Tin.class, text(Tin::of))
                    .addDeserializer(Money.class, new ValueDeserializer<Money>() {
                        @Override
                        public Money deserialize(JsonParser p, DeserializationContext ctxt) {
                            return Money.of(p.getDecimalValue());
                        }
                    }))
            .build();

    private final ObjectNode root;

    private CaseBuilder(ObjectNode root) {
        this.root = root;
    }

    static CaseBuilder sample(String name) {
        try (InputStream in = CaseBuilder.class.getResourceAsStream("/samples/" + name)) {
            return new CaseBuilder((ObjectNode) MAPPER.readTree(in));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A case given as a JSON tree (e.g. one entry of the conformance cases). */
    static CaseBuilder of(JsonNode tree) {
        return new CaseBuilder((ObjectNode) tree.deepCopy());
    }

    /** Sample 01: complete under esketamine-standard as of 2026-11-30. */
    static CaseBuilder complete() {
        return sample("01-complete-esketamine.json");
    }

    /**
     * Applies edits written {@code path=value; path=value}. A value is JSON when it parses as JSON
     * ({@code 42}, {@code true}, {@code []}, {@code {...}}), else a string; {@code null} removes the member.
     */
    CaseBuilder with(String edits) {
        if (edits == null || edits.isBlank()) {
            return this;
        }
        for (String edit : edits.split(";")) {
            int eq = edit.indexOf('=');
            JsonEdits.set(root, edit.substring(0, eq).strip(), edit.substring(eq + 1).strip());
        }
        return this;
    }

    /** Appends a JSON object to a top-level array, e.g. a trial to "medicationTrials". */
    CaseBuilder add(String array, String json) {
        JsonNode node = root.get(array);
        ArrayNode target = node instanceof ArrayNode a ? a : root.putArray(array);
        target.add(MAPPER.readTree(json));
        return this;
    }

    CaseData data() {
        return MAPPER.treeToValue(root, CaseData.class);
    }

    private static <T> ValueDeserializer<T> text(Function<String, T> factory) {
        return new ValueDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) {
                return factory.apply(p.getValueAsString());
            }
        };
    }
}
