package dev.authpack.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser for the web UI: form sign-in, the CSRF token of the last page read,
 * form posts. Cookies live in a {@link Cookies} jar that can be handed to a client of another
 * instance, as a load balancer would send the same browser to either.
 */
public final class FormClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final Cookies cookies;
    private String csrf;

    public FormClient(int port, Cookies cookies) {
        this.base = "http://127.0.0.1:" + port;
        this.cookies = cookies;
    }

    public FormClient(int port) {
        this(port, new Cookies());
    }

    public Cookies cookies() {
        return cookies;
    }

    /** Signs in through the form; fails unless the answer is the redirect to the start page. */
    public FormClient signIn(String user, String password) {
        get("/login");
        HttpResponse<byte[]> r = post("/login", "username", user, "password", password);
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed for " + user + ": " + r.statusCode());
        }
        return this;
    }

    public HttpResponse<byte[]> get(String path) {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher m = CSRF.matcher(new String(r.body(), StandardCharsets.UTF_8));
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    public static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** Posts a form with the CSRF token of the page last read, as the browser would. */
    public HttpResponse<byte[]> post(String path, String... nameValues) {
        StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf == null ? "" : csrf));
        for (int i = 0; i < nameValues.length; i += 2) {
            body.append('&').append(enc(nameValues[i])).append('=').append(enc(nameValues[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        String header = cookies.header();
        if (!header.isEmpty()) {
            request.header("Cookie", header);
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            r.headers().allValues("Set-Cookie").forEach(cookies::take);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Name → value of the cookies the server set; an expired or emptied cookie is dropped. */
    public static final class Cookies {

        private final Map<String, String> values = new ConcurrentHashMap<>();

        void take(String setCookie) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                values.remove(name);
            } else {
                values.put(name, value);
            }
        }

        public String get(String name) {
            return values.get(name);
        }

        String header() {
            StringBuilder b = new StringBuilder();
            values.forEach((k, v) -> b.append(b.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            return b.toString();
        }
    }
}
