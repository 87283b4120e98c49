package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input to {@code POST /api/v1/cases} over real HTTP: the acceptance suite's mutation
 * fuzz with a fixed seed, and the body-size limit. Whatever arrives, the answer is a 201 or a 4xx
 * judged on the body, never a 5xx, and the service keeps answering.
 */
@SharedServiceTest
class HostileCaseInputTest {

    static final long SEED = 20261115L;
    static final int MUTATIONS = 1000;
    static final int ONE_MIB = 1_048_576;
    static final String BILLING = "north.billing";
    static final JsonMapper PLAIN_JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aThousandSeededMutationsOfValidCasesNeverGetA5xxAndAreJudgedByTheContract() {
        Random rng = new Random(SEED);
        List<String> bases = List.of(Samples.text("01-complete-esketamine"), Samples.text("03-self-pay-ketamine"));
        List<String> failures = new ArrayList<>();
        int created = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            ObjectNode body = (ObjectNode) PLAIN_JSON.readTree(bases.get(rng.nextInt(bases.size())));
            CaseMutator.Mutation m = CaseMutator.mutate(rng, body);
            Response r = api.post("/api/v1/cases", BILLING, m.body(), "application/json");
            String why = verdict(m.body(), r);
            if (why == null && r.status() == 201) {
                created++;
                Response report = api.get(r.location() + "/completeness", BILLING);
                if (report.status() >= 500) {
                    why = "created, but completeness answered " + report.status();
                }
            }
            if (why != null) {
                failures.add("#" + i + " [" + cut(m.description(), 160) + "]: " + why);
            }
        }
        assertThat(failures).as("mutations answered against the contract").isEmpty();
        assertThat(created).as("some mutations are still valid drafts").isGreaterThan(50);
        assertThat(api.get("/api/v1/cases", BILLING).status()).as("the service still answers").isEqualTo(200);
    }

    /** null when the answer is acceptable, else why not: the suite's fuzz_rule. */
    private static String verdict(byte[] body, Response r) {
        int s = r.status();
        if (s >= 500) {
            return "HTTP " + s + " " + cut(r.text(), 200);
        }
        if (s != 201 && (s < 400 || s >= 500)) {
            return "HTTP " + s + ", expected 201 or a 4xx";
        }
        if (s == 401 || s == 403 || s == 404 || s == 405) {
            return "HTTP " + s + ": an authenticated BILLING POST must be judged on its body";
        }
        JsonNode tree = parseOrNull(body);
        if (body.length > ONE_MIB) {
            boolean ok = s == 413 || (tree == null && s == 400);
            return ok ? null : "HTTP " + s + " for a body of " + body.length + " bytes, expected 413";
        }
        if (tree != null) {
            List<String> found = new ArrayList<>();
            walk(tree, "", found);
            if (!found.isEmpty() && s == 201) {
                return "HTTP 201, expected a 4xx for " + found.subList(0, Math.min(3, found.size()));
            }
        }
        return null;
    }

    private static JsonNode parseOrNull(byte[] body) {
        try {
            return PLAIN_JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void walk(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().startsWith("unexpected_")) {
                    found.add("unknown member " + path + "." + e.getKey());
                }
                walk(e.getValue(), path + "." + e.getKey(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    found.add("null element " + path + "[" + i + "]");
                }
                walk(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    static Stream<Arguments> bodySizes() {
        String valid = Samples.text("01-complete-esketamine").strip();
        return Stream.of(
                Arguments.of("valid case padded to exactly 1 MiB", pad(valid, ONE_MIB), 201),
                Arguments.of("valid case padded to 1 MiB + 1 byte", pad(valid, ONE_MIB + 1), 413),
                Arguments.of("a 2 MiB string member", valid.replace("\"Reyes\"", "\"" + "R".repeat(2 * ONE_MIB) + "\""), 413));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("bodySizes")
    void jsonBodiesOverOneMebibyteAre413(String label, String body, int expected) {
        Response r = api.post("/api/v1/cases", BILLING, body.getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(r.status()).isEqualTo(expected);
        if (expected == 413) {
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aChunkedBodyWithoutContentLengthIsCutOffAtOneMebibyte() throws Exception {
        byte[] body = pad(Samples.text("01-complete-esketamine").strip(), 3 * ONE_MIB).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (BILLING + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(413);
    }

    private static String pad(String json, int size) {
        return json + " ".repeat(size - json.getBytes(StandardCharsets.UTF_8).length);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "...";
    }
}
