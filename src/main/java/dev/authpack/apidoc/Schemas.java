package dev.authpack.apidoc;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Set;

/** Small builders for hand-made schemas in the OpenAPI 3.1 form (JSON Schema 2020-12 types). */
final class Schemas {

    private Schemas() {
    }

    static Schema<Object> of(String type, String description) {
        Schema<Object> s = new JsonSchema();
        s.types(Set.of(type)).type(type).description(description);
        return s;
    }

    static Schema<Object> string(String description) {
        return of("string", description);
    }

    static Schema<Object> ref(String component) {
        return new JsonSchema().$ref("#/components/schemas/" + component);
    }
}
