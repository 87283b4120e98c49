package dev.authpack.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.OpenApiContract;
import dev.authpack.support.SharedServiceTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served description (/v3/api-docs) is OpenAPI 3.1, for signed-in users only, lists every
 * handler the application maps under /api/v1, leaves no answer without a schema springdoc could
 * infer, and equals the committed docs/openapi.json — which this test writes when it is stale (then
 * fails, so the new file gets committed with the change that made it).
 */
@SharedServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDescriptionTest {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    ApiClient api;
    JsonNode served;

    @BeforeAll
    void fetch() {
        api = new ApiClient(port);
        ApiClient.Response r = api.get("/v3/api-docs", "north.clinic");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        served = r.json();
    }

    @Test
    void isOpenApi31WithHttpBasicAsItsSecurityScheme() {
        assertThat(served.path("openapi").asString()).startsWith("3.1.");
        assertThat(served.at("/components/securitySchemes/basicAuth/scheme").asString()).isEqualTo("basic");
        assertThat(served.at("/security/0").has("basicAuth")).isTrue();
    }

    @Test
    void isForSignedInUsersOnly() {
        ApiClient.Response anonymous = api.get("/v3/api-docs", null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void describesEveryEndpointTheApplicationMapsUnderApiV1() {
        Set<String> undocumented = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mapping.getHandlerMethods().entrySet()) {
            if (m.getValue().hasMethodAnnotation(io.swagger.v3.oas.annotations.Hidden.class)) {
                continue; // left out on purpose: it only answers 405 for a method its address does not take
            }
            for (String pattern : m.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                JsonNode item = served.path("paths").path(pattern);
                for (var method : m.getKey().getMethodsCondition().getMethods()) {
                    if (!item.has(method.name().toLowerCase())) {
                        undocumented.add(method + " " + pattern + " (" + m.getValue().getShortLogMessage() + ")");
                    }
                }
            }
        }
        assertThat(undocumented).as("handlers under /api/v1 missing from /v3/api-docs").isEmpty();
    }

    @Test
    void everyOperationAnswersWithASchemaNotAGuess() {
        List<String> vague = new ArrayList<>();
        served.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode responses = op.getValue().path("responses");
            if (responses.propertyNames().stream().noneMatch(code -> code.startsWith("2"))) {
                vague.add(where + ": no success answer");
            }
            for (String code : responses.propertyNames()) {
                JsonNode content = responses.path(code).path("content");
                for (String type : content.propertyNames()) {
                    if (type.equals("*/*")) {
                        vague.add(where + " " + code + ": content type */* (say what the endpoint produces)");
                    }
                    if (content.path(type).path("schema").isMissingNode()) {
                        vague.add(where + " " + code + ": no schema");
                    }
                }
            }
        }));
        // A raw JSON tree (JsonNode) or servlet type described as if it were a bean: springdoc could not
        // infer the body, so the controller must name its schema (see desk.CaseApiController).
        served.path("components").path("schemas").propertyNames().stream()
                .filter(name -> name.endsWith("Node") || name.startsWith("Http"))
                .forEach(name -> vague.add("schema " + name + " describes a framework type, not the API's JSON"));

        assertThat(vague).isEmpty();
    }

    @Test
    void theCommittedFileIsTheServedDescription() throws IOException {
        String current = JSON.writeValueAsString(served) + "\n";
        String committed = Files.exists(OpenApiContract.FILE)
                ? Files.readString(OpenApiContract.FILE, StandardCharsets.UTF_8) : "";
        if (!committed.equals(current)) {
            Files.createDirectories(OpenApiContract.FILE.getParent());
            Files.writeString(OpenApiContract.FILE, current, StandardCharsets.UTF_8);
        }
        assertThat(committed).as("%s was stale and has been rewritten from /v3/api-docs: review and commit it",
                OpenApiContract.FILE).isEqualTo(current);
    }
}
