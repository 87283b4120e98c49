package dev.authpack.apidoc;

import dev.authpack.authorization.Authorization;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.CaseStatus;
import dev.authpack.casefile.CaseSummary;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schemas for the endpoints that read the case as raw JSON (to answer bad input field by field)
 * and so give springdoc no type to infer from. They come from the case model itself
 * ({@link CaseData} and its records, with their validation annotations), so a member added to the
 * model appears here without an edit. Three shapes: {@code Case} (what a client sends),
 * {@code StoredCase} (what the API answers: the case plus its bookkeeping) and
 * {@code CaseReplacement} (a PUT body: a case that must carry the {@code version} it read).
 */
@Component
class CaseSchemas implements OpenApiCustomizer {

    static final String CASE = "Case";
    static final String STORED_CASE = "StoredCase";
    static final String REPLACEMENT = "CaseReplacement";
    static final String LIST_ITEM = "CaseListItem";
    static final String FHIR_IMPORT = "FhirImport";

    private final Map<String, Object> example = readExample();

    @Override
    @SuppressWarnings("unchecked")
    public void customise(OpenAPI api) {
        Components components = api.getComponents();
        Map<String, Schema> model = new LinkedHashMap<>(ModelConverters.getInstance(true)
                .readAll(new AnnotatedType(CaseData.class)));
        Schema<Object> caseSchema = model.remove(CaseData.class.getSimpleName());
        model.values().forEach(CaseSchemas::absentMayBeNull);
        absentMayBeNull(caseSchema);
        model.forEach(components::addSchemas);
        caseSchema.description("A prior-authorization case as a client sends it. Every member may be absent "
                + "(or null, or an empty string) in a draft; the completeness report names what is still "
                + "missing. Unknown members are rejected (400), and so is a null element of an array.");
        caseSchema.setAdditionalProperties(false);
        caseSchema.setExamples(List.of(example));
        components.addSchemas(CASE, caseSchema);
        Map<String, Schema> authorization = ModelConverters.getInstance(true).readAll(new AnnotatedType(Authorization.class));
        alwaysPresent(authorization.get(Authorization.class.getSimpleName()));
        authorization.forEach(components::addSchemas);
        Map<String, Schema> summary = ModelConverters.getInstance(true).readAll(new AnnotatedType(CaseSummary.class));
        Schema<Object> item = summary.get(CaseSummary.class.getSimpleName());
        item.description("One row of the case list, with the case's authorization. Every member is present; "
                + "patientName and policyId are null on a draft that has none.");
        mayBeNull(item, Set.of("id", "status", "complete", "updatedAt"));
        item.addProperty("authorization", Schemas.ref(Authorization.class.getSimpleName()));
        item.setRequired(List.copyOf(item.getProperties().keySet()));
        components.addSchemas(LIST_ITEM, item);
        components.addSchemas(FHIR_IMPORT, Schemas.of("object", "A FHIR bundle imported as a draft case: the case, "
                        + "and which resources were mapped or ignored, in words.")
                .addProperty("case", Schemas.ref(STORED_CASE))
                .addProperty("mapped", Schemas.of("array", "e.g. \"Patient/1 → patient\"").items(Schemas.string(null)))
                .addProperty("ignored", Schemas.of("array", "e.g. \"Observation/7: LOINC 8867-4 is not a depression "
                        + "scale\"").items(Schemas.string(null)))
                .required(List.of("case", "mapped", "ignored")));
        components.addSchemas(STORED_CASE, stored(caseSchema));
        components.addSchemas(REPLACEMENT, replacement(caseSchema));
    }

    /**
     * The contract reads a null member as an absent one (a draft), so every member of the case model
     * may be null; array elements may not. The API itself leaves nulls out of its answers.
     */
    private static void absentMayBeNull(Schema<?> schema) {
        mayBeNull(schema, Set.of());
    }

    /**
     * The authorization lists every member of the contract's object in every answer, null where nothing is
     * recorded yet (a client reads {@code authorization.decidedOn} of an undecided case as null, not as missing);
     * {@code status} and {@code sessionsUsed} always have a value.
     */
    private static void alwaysPresent(Schema<?> schema) {
        mayBeNull(schema, Set.of("status", "sessionsUsed"));
        schema.setRequired(List.copyOf(schema.getProperties().keySet()));
        schema.description("Read-only: where the request stands with the payer. Every member is present; one "
                + "with nothing recorded yet is null.");
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void mayBeNull(Schema<?> schema, Set<String> valued) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().replaceAll((name, member) -> {
            if (valued.contains(name)) {
                return member;
            }
            if (member.get$ref() != null) {
                Schema<Object> either = new JsonSchema();
                either.setAnyOf(List.<Schema>of(member, Schemas.of("null", null)));
                return either;
            }
            if (member.getTypes() != null) {
                Set<String> types = new LinkedHashSet<>(member.getTypes());
                types.add("null");
                member.setTypes(types);
            }
            if (member.getEnum() != null && !member.getEnum().contains(null)) {
                List enumeration = new ArrayList<>(member.getEnum());
                enumeration.add(null);
                member.setEnum(enumeration);
            }
            return member;
        });
    }

    /** The bookkeeping members the API adds to a case it answers with (see CaseJson#view). */
    private static Map<String, Schema> bookkeeping() {
        Map<String, Schema> p = new LinkedHashMap<>();
        p.put("id", Schemas.string("The case's id.").format("uuid"));
        p.put("version", Schemas.of("integer", "Changes with every save; a PUT must send the version it read.")
                .format("int64"));
        p.put("status", Schemas.string("DRAFT until the case is complete for its policy, then READY.")
                ._enum(Stream.of(CaseStatus.values()).map(Enum::name).map(Object.class::cast).toList()));
        p.put("complete", Schemas.of("boolean", "Whether the completeness report says complete."));
        p.put("createdAt", Schemas.string("When the case was created.").format("date-time"));
        p.put("updatedAt", Schemas.string("When the case was last saved.").format("date-time"));
        p.put("authorization", Schemas.ref(Authorization.class.getSimpleName())
                .description("Read-only: where the request stands with the payer (see the events)."));
        p.put("previousCaseId", Schemas.string("Read-only, on a reauthorization: the case it renews.")
                .format("uuid"));
        return p;
    }

    private Schema<Object> stored(Schema<?> caseSchema) {
        Schema<Object> s = Schemas.of("object", "A saved case as the API answers with it: the case and its bookkeeping.");
        bookkeeping().forEach(s::addProperty);
        caseSchema.getProperties().forEach(s::addProperty);
        s.setRequired(List.of("id", "version", "status", "complete", "createdAt", "updatedAt"));
        Map<String, Object> stored = new LinkedHashMap<>(Map.of("id", "3f2c9a4e-8a61-4c1e-9d55-0b7e2f1a6c01",
                "version", 0, "status", "READY", "complete", true,
                "createdAt", "2026-11-20T15:04:05Z", "updatedAt", "2026-11-20T15:04:05Z"));
        stored.putAll(example);
        s.setExamples(List.of(stored));
        return s;
    }

    private static Schema<Object> replacement(Schema<?> caseSchema) {
        Schema<Object> s = Schemas.of("object", "A PUT body: the whole case, replacing the stored one, with the "
                + "`version` read from GET (a stale one is a 409). The other bookkeeping members of a GET "
                + "answer may be echoed back and are ignored.");
        bookkeeping().forEach(s::addProperty);
        caseSchema.getProperties().forEach(s::addProperty);
        s.setRequired(List.of("version"));
        s.setAdditionalProperties(false);
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readExample() {
        try (InputStream in = CaseSchemas.class.getResourceAsStream("/apidoc/case-example.json")) {
            return JsonMapper.builder().build().readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
