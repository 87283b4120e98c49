package dev.authpack.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP calls to the running test server, as a clinic's script would make them. Every call to
 * the API is checked against the OpenAPI description (docs/openapi.json): an answer that drifts
 * from it fails the test that made the call, whatever that test asserts itself. A client made with
 * {@link #checkingRequests()} also checks each request the service accepted against it (not the
 * default: tests of hostile input send what the description allows only in words, such as an empty
 * string for an absent value).
 */
public final class ApiClient {

    public static final String PASSWORD = "demo-pass-2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final boolean requests;
    private final String accept;
    private final Map<String, String> headers;

    public ApiClient(int port) {
        this("http://127.0.0.1:" + port, false, null, Map.of());
    }

    private ApiClient(String base, boolean requests, String accept, Map<String, String> headers) {
        this.base = base;
        this.requests = requests;
        this.accept = accept;
        this.headers = headers;
    }

    /** The same client, also holding the requests it sends to the description. */
    public ApiClient checkingRequests() {
        return new ApiClient(base, true, accept, headers);
    }

    /** The same client, sending this {@code Accept} header with every request. */
    public ApiClient accepting(String mediaRange) {
        return new ApiClient(base, requests, mediaRange, headers);
    }

    /** The same client, also sending this header with every request. */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(base, requests, accept, Map.copyOf(more));
    }

    public Response get(String path, String user) {
        return send(builder(path, user).GET(), null, null);
    }

    /** A GET as a user whose password is not the demo password (an account a test created). */
    public Response get(String path, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + token).GET(), null, null);
    }

    public Response post(String path, String user, String json) {
        return post(path, user, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public Response post(String path, String user, byte[] body, String contentType) {
        HttpRequest.Builder b = builder(path, user).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b, body, contentType);
    }

    public Response put(String path, String user, String json) {
        return put(path, user, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public Response put(String path, String user, byte[] body, String contentType) {
        return send(builder(path, user).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)), body, contentType);
    }

    public Response delete(String path, String user) {
        return send(builder(path, user).DELETE(), null, null);
    }

    private HttpRequest.Builder builder(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (accept != null) {
            b.header("Accept", accept);
        }
        headers.forEach(b::header);
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            b.header("Authorization", "Basic " + token);
        }
        return b;
    }

    private Response send(HttpRequest.Builder b, byte[] sent, String sentType) {
        try {
            HttpRequest request = b.build();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Response response = new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Location").orElse(null), r.body(), r.headers());
            conform(request, sent, sentType, response);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void conform(HttpRequest request, byte[] sent, String sentType, Response response) {
        String path = request.uri().getRawPath();
        if (!path.startsWith("/api/v1/")) {
            return;
        }
        List<String> drift = OpenApiContract.shared().check(request.method(), path, sentType,
                requests ? sent : null,
                response.status(), response.contentType(), response.body());
        if (!drift.isEmpty()) {
            throw new AssertionError("The API drifted from its description (docs/openapi.json):\n  "
                    + String.join("\n  ", drift)
                    + (response.contentType().contains("json") ? "\nbody: " + response.text() : ""));
        }
    }

    public record Response(int status, String contentType, String location, byte[] body,
                           java.net.http.HttpHeaders headers) {

        /** The first value of a response header; null when absent. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
