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
 * schema inferred from a record cannot know: each becomes "the schema it had, or null". Listed
 * here as data: schema name → member names.
 */
@Component
class NullableMembers implements OpenApiCustomizer {

    /**
     * CompletenessReport.policy is null when the case names no loaded policy, and its effectiveFrom
     * for a single-version policy (see their javadoc).
     */
    static final Map<String, List<String>> NULLABLE = Map.of("CompletenessReport", List.of("policy"),
            "PolicyRef", List.of("effectiveFrom"));

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
    }
}
