package dev.authpack.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks real HTTP exchanges against the OpenAPI description in docs/openapi.json: the operation
 * must be described, the status listed, the content type one it names, and the body valid against
 * its schema. Schemas are JSON Schema 2020-12 (OpenAPI 3.1's dialect), so a general-purpose 2020-12
 * validator (networknt) checks them exactly, formats (date, date-time, uuid) included — where
 * OpenAPI-specific validators built for 3.0 read 3.1's type arrays and nulls loosely. Success
 * bodies are held closed: a member the description does not list is drift and fails, though the
 * published description leaves them open for clients (new members are allowed by the contract).
 * Problems stay open, as RFC 9457 allows extension members.
 */
public final class OpenApiContract {

    public static final Path FILE = Path.of("docs", "openapi.json");
    private static final String BASE = "https://authpack.invalid/openapi.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static OpenApiContract shared;

    private final JsonNode description;
    private final SchemaRegistry schemas;

    OpenApiContract(JsonNode description) {
        this.description = description;
        String strict = JSON.writeValueAsString(closeSuccessSchemas(description.deepCopy()));
        this.schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(Map.of(BASE, strict))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The committed description (kept equal to the served one by ApiDescriptionTest). */
    public static synchronized OpenApiContract shared() {
        if (shared == null) {
            try {
                shared = new OpenApiContract(JSON.readTree(Files.readString(FILE, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("no " + FILE + ": run ApiDescriptionTest to write it", e);
            }
        }
        return shared;
    }

    /** What is wrong with this exchange against the description; empty when it conforms. */
    public List<String> check(String method, String pathAndQuery, String requestContentType, byte[] requestBody,
                              int status, String contentType, byte[] body) {
        String path = pathAndQuery.replaceFirst("\\?.*$", "");
        String what = method + " " + path + " → " + status;
        Optional<String> template = template(path, method);
        if (template.isEmpty()) {
            return status == 404 || status == 405 ? unknownAddress(what, contentType, body)
                    : List.of(what + ": no such operation in " + FILE + " (stale? run ApiDescriptionTest)");
        }
        String opPointer = "/paths/" + escape(template.get()) + "/" + method.toLowerCase();
        List<String> problems = new ArrayList<>();
        if (requestBody != null && requestBody.length > 0 && status < 300) {
            checkRequest(what, opPointer, requestContentType, requestBody, problems);
        }
        JsonNode responses = description.at(opPointer + "/responses");
        String code = String.valueOf(status);
        if (!responses.has(code)) {
            problems.add(what + ": status " + status + " is not documented (documented: "
                    + names(responses) + ")");
            return problems;
        }
        String responsePointer = opPointer + "/responses/" + code;
        JsonNode response = description.at(responsePointer);
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asString().substring(1);
            response = description.at(responsePointer);
        }
        checkBody(what + " response", responsePointer, response, contentType, body, problems);
        return problems;
    }

    /** An address the API does not have is answered with a plain problem, like every other error. */
    private List<String> unknownAddress(String what, String contentType, byte[] body) {
        List<String> problems = new ArrayList<>();
        JsonNode documented = JSON.createObjectNode().set("content", JSON.createObjectNode()
                .set("application/problem+json", JSON.createObjectNode()));
        checkBody(what, "/components/responses/NotFound", documented, contentType, body, problems);
        return problems;
    }

    private void checkRequest(String what, String opPointer, String contentType, byte[] body, List<String> problems) {
        JsonNode requestBody = description.at(opPointer + "/requestBody");
        if (requestBody.isMissingNode()) {
            problems.add(what + ": sent a body, but the description documents none");
            return;
        }
        if (contentType != null && contentType.startsWith("multipart/")) {
            return; // parts are not JSON; the description lists them as a schema of the form
        }
        checkBody(what + " request", opPointer + "/requestBody", requestBody, contentType, body, problems);
    }

    private void checkBody(String what, String pointer, JsonNode documented, String contentType, byte[] body,
                           List<String> problems) {
        boolean empty = body == null || body.length == 0;
        JsonNode content = documented.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!empty) {
                problems.add(what + ": has a body, but the description documents none");
            }
            return;
        }
        if (empty) {
            problems.add(what + ": has no body, but the description documents " + names(content));
            return;
        }
        String type = contentType == null ? "" : contentType.replaceFirst(";.*$", "").strip();
        if (!content.has(type)) {
            problems.add(what + ": content type " + type + " is not documented (documented: " + names(content) + ")");
            return;
        }
        if (!type.endsWith("json")) {
            return;
        }
        String schemaPointer = pointer + "/content/" + escape(type) + "/schema";
        Schema schema = schemas.getSchema(SchemaLocation.of(BASE + "#" + schemaPointer));
        JsonNode instance = JSON.readTree(body);
        for (Error e : schema.validate(instance)) {
            problems.add(what + ": " + e.getInstanceLocation() + " " + e.getMessage());
        }
    }

    private Optional<String> template(String path, String method) {
        String literal = null;
        String templated = null;
        for (Iterator<String> it = description.path("paths").propertyNames().iterator(); it.hasNext(); ) {
            String t = it.next();
            if (!description.path("paths").path(t).has(method.toLowerCase())) {
                continue;
            }
            if (t.equals(path)) {
                literal = t;
            } else if (Pattern.matches(t.replaceAll("\\{[^}]+}", "[^/]+"), path)
                    && (templated == null || variables(t) < variables(templated))) {
                // as OpenAPI says, the more concrete path wins: .../attachments/removed over .../attachments/{id}
                templated = t;
            }
        }
        return Optional.ofNullable(literal != null ? literal : templated);
    }

    private static long variables(String template) {
        return template.chars().filter(c -> c == '{').count();
    }

    /**
     * Closes every object schema of a success answer that lists its properties and says nothing of
     * others, so an undocumented member fails the check. Problem schemas are left open.
     */
    private static JsonNode closeSuccessSchemas(JsonNode doc) {
        doc.path("components").path("schemas").properties().forEach(e -> {
            if (!e.getKey().endsWith("Problem")) {
                close(e.getValue());
            }
        });
        return doc;
    }

    private static void close(JsonNode schema) {
        if (schema instanceof ObjectNode o) {
            if (o.has("properties") && !o.has("additionalProperties") && !o.has("unevaluatedProperties")) {
                o.put("additionalProperties", false);
            }
            o.forEach(OpenApiContract::close);
        } else if (schema != null && schema.isArray()) {
            schema.forEach(OpenApiContract::close);
        }
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return String.join(", ", names);
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }
}
