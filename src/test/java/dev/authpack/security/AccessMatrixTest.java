package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.security.AccessMatrix.Endpoint;
import dev.authpack.security.AccessMatrix.Request;
import dev.authpack.security.AccessMatrix.Who;
import dev.authpack.security.AccessMatrix.Whose;
import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint × anonymous / BILLING / CLINIC / ADMIN × own clinic's object / another clinic's,
 * over real HTTP, each with its expected answer: served, 401 (API) or a sign-in redirect (web),
 * 403 for a role without the right, 404 for another clinic's data. A handler method of the
 * application that the matrix does not list fails the build.
 */
@SharedServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    UserAdministration admin;
    @Autowired
    JdbcTemplate jdbc;

    /** Marks an audit row that names the case or document it is about. */
    private static final String NAMING = " naming its case or document";

    Set<String> mapped;
    Fixtures fixtures;
    final Map<Who, FormClient> browsers = new EnumMap<>(Who.class);
    final Map<Who, String> csrf = new EnumMap<>(Who.class);
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void setUp() {
        mapped = applicationEndpoints();
        fixtures = new Fixtures(new ApiClient(port), admin, mapped.contains("POST /api/v1/cases/{}/packet"));
        for (Who who : mapped.contains("GET /login") ? Who.values() : new Who[0]) {
            FormClient b = new FormClient(port);
            if (who.username != null) {
                b.signIn(who.username, ApiClient.PASSWORD);
            }
            String page = switch (who) {
                case ANONYMOUS -> "/login";
                case ADMIN -> "/admin/users";
                default -> "/cases";
            };
            browsers.put(who, b);
            csrf.put(who, FormClient.csrfOf(b.get(page).body()));
        }
    }

    Stream<Arguments> matrix() {
        return AccessMatrix.ENDPOINTS.stream().flatMap(e -> Stream.of(Who.values()).flatMap(who ->
                (e.clinicScoped() ? Stream.of(Whose.OWN, Whose.OTHER) : Stream.of(Whose.NONE))
                        .map(whose -> Arguments.of(e.key(), who, whose, e))));
    }

    @ParameterizedTest(name = "{0} as {1}, {2} clinic''s object")
    @MethodSource("matrix")
    void everyEndpointAnswersEachRoleAndClinicAsTheMatrixSays(String key, Who who, Whose whose, Endpoint e) {
        assertThat(mapped).as("the matrix lists %s, which the application does not map", key).contains(key);
        Request request = e.call().make(fixtures, whose);
        long before = newestAuditId();

        HttpResponse<String> answer = e.api() ? callApi(request, who) : callWeb(request, who);

        String expected = expected(e, who, whose);
        String actual = classify(e, answer);
        assertThat(actual).as("%s %s as %s (%s): HTTP %d %s", request.method(), request.path(), who, whose,
                answer.statusCode(), answer.headers().firstValue("Location").orElse("")).isEqualTo(expected);
        if (e.api() && answer.statusCode() >= 400) {
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        String recorded = expectedAuditAction(e, who, whose, expected);
        if (recorded != null) {
            // a row that names its object also answers where naming it is not required
            assertThat(auditActionsSince(before, who)).as("%s %s as %s (%s): what the audit trail gained",
                    request.method(), request.path(), who, whose)
                    .anyMatch(a -> a.equals(recorded) || a.equals(recorded + NAMING));
        }
    }

    @Test
    void everyEndpointSaysWhatTheAuditTrailRecordsWhenItIsServed() {
        Set<String> unsaid = AccessMatrix.ENDPOINTS.stream().map(Endpoint::key)
                .filter(k -> !AccessMatrix.AUDITED.containsKey(k) && !AccessMatrix.UNAUDITED.containsKey(k))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> both = new TreeSet<>(AccessMatrix.AUDITED.keySet());
        both.retainAll(AccessMatrix.UNAUDITED.keySet());
        Set<String> stale = new TreeSet<>(AccessMatrix.AUDITED.keySet());
        stale.addAll(AccessMatrix.UNAUDITED.keySet());
        AccessMatrix.ENDPOINTS.forEach(e -> stale.remove(e.key()));

        assertThat(unsaid).as("endpoints in neither AccessMatrix.AUDITED nor AccessMatrix.UNAUDITED").isEmpty();
        assertThat(both).as("endpoints in both AUDITED and UNAUDITED").isEmpty();
        assertThat(stale).as("audit rows for endpoints the matrix no longer lists").isEmpty();
    }

    /**
     * The action the trail must gain from this answer, or null: the row's own action when served, and
     * for a signed-in caller a refusal (403) or another clinic's object (404) is recorded too, since
     * who tried to see what is what an auditor asks.
     */
    private static String expectedAuditAction(Endpoint e, Who who, Whose whose, String outcome) {
        if (who == Who.ANONYMOUS) {
            return null;
        }
        String naming = whose == Whose.NONE ? "" : NAMING;
        return switch (outcome) {
            case "SERVED" -> AccessMatrix.AUDITED.containsKey(e.key())
                    ? AccessMatrix.AUDITED.get(e.key()).name() + naming : null;
            case "FORBIDDEN" -> "ACCESS_DENIED" + naming;
            case "NOT_FOUND" -> "NOT_FOUND";
            default -> null;
        };
    }

    /** Read from the table, not through the audit API, whose own reading would be recorded too. */
    private long newestAuditId() {
        Long newest = jdbc.queryForObject("select max(id) from audit_events", Long.class);
        return newest == null ? 0 : newest;
    }

    /** The actions recorded for {@code who} since {@code before}, each with whether it names its case or document. */
    private List<String> auditActionsSince(long before, Who who) {
        return jdbc.query("select action, case_id, document_id from audit_events where id > ? and username = ? order by id",
                (row, n) -> row.getString("action")
                        + (row.getString("case_id") == null && row.getString("document_id") == null ? "" : NAMING),
                before, who.username);
    }

    @Test
    void everyRowOfTheMatrixNamesAnEndpointTheApplicationMaps() {
        Set<String> gone = AccessMatrix.ENDPOINTS.stream().map(Endpoint::key).filter(k -> !mapped.contains(k))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(gone).as("rows whose endpoint was removed: delete the row with the endpoint").isEmpty();
    }

    @Test
    void everyHandlerMethodOfTheApplicationIsInTheMatrix() {
        Set<String> listed = AccessMatrix.ENDPOINTS.stream().map(Endpoint::key).collect(Collectors.toSet());

        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(listed);
        missing.removeAll(AccessMatrix.NOT_ENDPOINTS);

        assertThat(missing).as("endpoints not in the access matrix (add them to AccessMatrix.ENDPOINTS)").isEmpty();
    }

    private static String expected(Endpoint e, Who who, Whose whose) {
        if (!e.allowed().contains(who)) {
            return who == Who.ANONYMOUS ? "SIGN_IN" : "FORBIDDEN";
        }
        if (e.clinicScoped() && whose == Whose.OTHER) {
            return "NOT_FOUND";
        }
        return "SERVED";
    }

    private static String classify(Endpoint e, HttpResponse<String> r) {
        int s = r.statusCode();
        String location = r.headers().firstValue("Location").orElse("");
        if (s == 401 || (s == 302 && location.endsWith("/login"))) {
            return "SIGN_IN";
        }
        if (s == 403) {
            return "FORBIDDEN";
        }
        if (s == 404) {
            return "NOT_FOUND";
        }
        if (e.api()) {
            return s == e.ok() ? "SERVED" : "HTTP " + s + " " + r.body();
        }
        return s < 400 ? "SERVED" : "HTTP " + s;
    }

    private HttpResponse<String> callApi(Request request, Who who) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            b.header("Content-Type", request.contentType());
        }
        if (who.username != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((who.username + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private HttpResponse<String> callWeb(Request request, Who who) {
        FormClient b = browsers.get(who);
        if (request.method().equals("GET")) {
            return b.get(request.path());
        }
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        String body = request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                fields.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
        }
        String[] nameValues = fields.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
        return b.postWithToken(csrf.get(who), request.path(), nameValues);
    }

    private Set<String> applicationEndpoints() {
        Set<String> keys = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> m
                : mapping.getHandlerMethods().entrySet()) {
            if (m.getValue().getBeanType().getName().startsWith("org.springframework")) {
                continue; // the framework's /error
            }
            Set<String> methods = m.getKey().getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(Collectors.toSet());
            for (String pattern : m.getKey().getPatternValues()) {
                for (String method : methods.isEmpty() ? Set.of("ANY") : methods) {
                    keys.add(method + " " + pattern.replaceAll("\\{[^}]+}", "{}"));
                }
            }
        }
        return keys;
    }
}
