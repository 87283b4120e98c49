package dev.authpack.apidoc;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Members the API writes as an explicit {@code null} (the API otherwise leaves nulls out), which a
 * schema inferred from a record cannot know: each becomes "the schema it had, or null". And the
 * members always written, which the description marks required. Listed here as data: schema name →
 * member names.
 */
@Component
class NullableMembers implements OpenApiCustomizer {

    /**
     * CompletenessReport.policy is null when the case names no loaded policy, and its effectiveFrom
     * for a single-version policy, as is a listed policy's and an uploaded undated version's (see their
     * javadoc); a worklist item's patientName and due when the case has no name or no date.
     */
    static final Map<String, List<String>> NULLABLE = Map.of("CompletenessReport", List.of("policy"),
            "PolicyRef", List.of("effectiveFrom"), "PolicySummary", List.of("effectiveFrom"),
            "UploadResult", List.of("effectiveFrom"), "WorkItem", List.of("patientName", "due"));

    /**
     * The members the contract names in these answers, which are always written (null ones included, see
     * {@link #NULLABLE}): a client reads them without asking first. Members of our own stay optional.
     */
    static final Map<String, List<String>> ALWAYS_PRESENT = Map.of(
            "CompletenessReport", List.of("complete", "policy", "asOf", "missing", "criteria"),
            "PolicyRef", List.of("id", "version", "effectiveFrom"),
            "CriterionResult", List.of("id", "label", "status", "detail", "evidence"),
            "PolicySummary", List.of("id", "version", "effectiveFrom", "name", "source", "treatments", "indications"),
            "UploadResult", List.of("id", "version", "effectiveFrom", "examples", "impact"),
            "WorkItem", List.of("caseId", "patientName", "reason", "due"));

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI api) {
        NULLABLE.forEach((schemaName, members) -> {
            Schema<?> schema = api.getComponents().getSchemas().get(schemaName);
            if (schema == null || schema.getProperties() == null) {
                return;
            }
            for (String member : members) {
                Schema<?> was = schema.getProperties().get(member);
                if (was != null) {
                    Schema<Object> either = new JsonSchema();
                    either.setAnyOf(List.<Schema>of(was, Schemas.of("null", null)));
                    either.setDescription(was.getDescription());
                    schema.getProperties().put(member, either);
                }
            }
        });
        ALWAYS_PRESENT.forEach((schemaName, members) -> {
            Schema<?> schema = api.getComponents().getSchemas().get(schemaName);
            if (schema != null && schema.getProperties() != null) {
                schema.setRequired(members.stream().filter(schema.getProperties()::containsKey).toList());
            }
        });
    }
}
