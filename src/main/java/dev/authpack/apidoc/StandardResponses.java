package dev.authpack.apidoc;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The answers every endpoint shares, written once: the RFC 9457 problem schemas, one reusable
 * response per error status, and the rules that attach them, so an endpoint added later is
 * documented with its errors without a line of its own. What the code can tell from the
 * operation is attached here (sign-in, role, a path id that may not exist, bad input, body size
 * and type, an unexpected failure); statuses only the endpoint knows (409, 422, 503) are components its controller
 * names with one {@code @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")}.
 */
@Component
class StandardResponses implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String IDEMPOTENCY_KEY = "IdempotencyKey";

    /** Status → the name of its reusable response under components/responses. */
    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("400", "BadRequest"), Map.entry("401", "Unauthorized"), Map.entry("403", "Forbidden"),
            Map.entry("404", "NotFound"), Map.entry("406", "NotAcceptable"), Map.entry("409", "Conflict"),
            Map.entry("413", "ContentTooLarge"), Map.entry("415", "UnsupportedMediaType"),
            Map.entry("422", "Unprocessable"), Map.entry("500", "InternalError"), Map.entry("503", "ServiceUnavailable"),
            Map.entry("507", "InsufficientStorage"));

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        ProblemSchemas.addTo(components);
        addResponses(components);
        if (api.getPaths() == null) {
            return;
        }
        components.addParameters(IDEMPOTENCY_KEY, new HeaderParameter().name("Idempotency-Key").required(false)
                .description("Any write: a key of the client's choosing (1 to 255 visible ASCII characters; a UUID), "
                        + "new for each new request. Sent again with the same request within 24 hours, the first "
                        + "answer comes back (with `Idempotent-Replayed: true`) and nothing is done twice; with "
                        + "another request it is a 422; while the first is still running, a 409 with Retry-After; "
                        + "if it was interrupted (unanswered after 15 minutes), a 409 without it. "
                        + "Only successful answers are kept: a refused request frees its key.")
                .schema(Schemas.of("string", null).minLength(1).maxLength(255)));
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            attach(path, op);
            if (method == PathItem.HttpMethod.POST) {
                idempotent(op);
            }
        }));
        dropUnused(api);
    }

    /** Shared responses no endpoint names (e.g. 503 before any endpoint can be busy) are left out. */
    private static void dropUnused(OpenAPI api) {
        Set<String> used = new HashSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> op.getResponses().values()
                .forEach(r -> {
                    if (r.get$ref() != null) {
                        used.add(r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1));
                    }
                })));
        api.getComponents().getResponses().keySet().removeIf(name -> !used.contains(name));
    }

    private static void attach(String path, Operation op) {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        op.setResponses(responses);
        boolean body = op.getRequestBody() != null;
        boolean inputs = body || op.getParameters() != null && !op.getParameters().isEmpty();
        add(responses, "401");
        add(responses, "403");
        // an Accept header naming nothing the endpoint writes (checked before a write is done)
        add(responses, "406");
        add(responses, "500");
        // any request may wait for its turn at the admission gate and be answered busy
        add(responses, "503");
        // the disk of the service or its database full: any request may meet it (the embedded database closes itself)
        add(responses, "507");
        if (path.contains("{")) {
            add(responses, "404");
        }
        if (inputs) {
            add(responses, "400");
        }
        if (body) {
            add(responses, "413");
            add(responses, "415");
        }
    }

    /** Every write takes an Idempotency-Key, and may then answer 400 (a bad key), 409 and 422 (see the parameter). */
    private static void idempotent(Operation op) {
        op.addParametersItem(new Parameter().$ref("#/components/parameters/" + IDEMPOTENCY_KEY));
        add(op.getResponses(), "400");
        add(op.getResponses(), "409");
        add(op.getResponses(), "422");
        op.getResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.get$ref() == null) {
                response.addHeaderObject("Idempotent-Replayed", new Header().description("`true` when this is the "
                        + "kept answer to an earlier request with the same Idempotency-Key.").schema(Schemas.of("string", null)));
            }
        });
    }

    private static void add(ApiResponses responses, String status) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + NAMES.get(status)));
        }
    }

    private static void addResponses(Components c) {
        c.addResponses("BadRequest", problem("Bad input: the body is not JSON or not of the case's shape, or a "
                + "value breaks a rule. `errors` names each field in JSON path notation.", "ValidationProblem"));
        c.addResponses("Unauthorized", problem("No valid HTTP Basic credentials.", "Problem")
                .addHeaderObject("WWW-Authenticate", new Header().description("Basic realm=\"Authpack\"")
                        .schema(Schemas.of("string", null))));
        c.addResponses("Forbidden", problem("The caller's role may not do this (e.g. CLINIC users cannot "
                + "create, edit or generate; only ADMIN reads the audit log).", "Problem"));
        c.addResponses("NotFound", problem("No such object, or it belongs to another clinic (answered as if "
                + "it did not exist).", "Problem"));
        c.addResponses("NotAcceptable", problem("The Accept header (or FHIR's `_format`) names no type this "
                + "endpoint answers in (JSON endpoints: application/json or application/*+json; documents: "
                + "application/pdf; the FHIR bundle: application/fhir+json). A write refused this way has changed "
                + "nothing.", "Problem"));
        c.addResponses("Conflict", problem("The request conflicts with the object's current state: a stale "
                + "`version`, an event not allowed in the current status, an existing id and version; or a request with the same "
                + "Idempotency-Key still running (with Retry-After), or left unanswered by an instance that stopped "
                + "while it ran (\"Request interrupted\", no Retry-After: check for the result, then use a new key).",
                "Problem")
                .addHeaderObject("Retry-After", new Header().description("Only when a request with the same "
                        + "Idempotency-Key is still running: seconds to wait before sending it again.")
                        .schema(Schemas.of("integer", null))));
        c.addResponses("ContentTooLarge", problem("The body is over the limit (JSON: 1 MiB; attachments: "
                + "25 MiB by default).", "Problem"));
        c.addResponses("UnsupportedMediaType", problem("The body's content type is missing or not one this "
                + "endpoint reads (JSON: application/json or application/*+json).", "Problem"));
        c.addResponses("Unprocessable", problem("Well-formed input that cannot be acted on (or an Idempotency-Key "
                + "already used for another request); the problem says why.", "Problem"));
        c.addResponses("InternalError", problem("An unexpected failure on the service's side; nothing sent was "
                + "stored half-way. The problem carries no details of the failure.", "Problem"));
        c.addResponses("ServiceUnavailable", problem("Busy: the request waited its turn (one line per user, "
                + "`authpack.requests.max-wait`) or, for a document, a place on the generation pool, and got none. "
                + "Nothing was changed. Retry after the number of seconds in Retry-After.", "Problem")
                .addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying.")
                        .schema(Schemas.of("integer", null))));
        c.addResponses("InsufficientStorage", problem("\"Storage full\": the disk the service or its database "
                + "writes to is full. Nothing of the request was stored; send it again once the operator has made "
                + "room (with the same Idempotency-Key, which is safe).", "Problem")
                .addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying.")
                        .schema(Schemas.of("integer", null))));
    }

    static ApiResponse problem(String description, String schema) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(Schemas.ref(schema))));
    }
}
