package dev.authpack.support;

import java.io.ByteArrayOutputStream;
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
 * A browser without a browser for the web UI, so tests see what a browser would be sent: redirects
 * are not followed (tests look at them), forms go out with the CSRF token of the page last read.
 * Cookies live in a {@link Cookies} jar of its own rather than a {@link java.net.CookieManager}: the
 * jar can be handed to a client of another instance, as a load balancer would send the same browser
 * to either, and it keeps the {@code Secure} session cookie the postgres profile sets over plain HTTP.
 */
public final class FormClient {

    /** Spring's hidden field puts {@code name} first; either order counts, so a page written otherwise still works. */
    private static final Pattern CSRF =
            Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
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

    /** The session cookie's value, for tests that look the session up on the server or replay it by hand. */
    public String sessionId() {
        return cookies.get("JSESSIONID");
    }

    /** Signs in through the form and fails unless that worked, so a test's setup cannot silently run signed out. */
    public FormClient signIn(String user, String password) {
        HttpResponse<String> r = trySignIn(user, password);
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed for " + user + ": " + r.statusCode());
        }
        return this;
    }

    /** Signs in through the form and leaves the answer (a redirect either way) to the test that judges it. */
    public HttpResponse<String> trySignIn(String user, String password) {
        get("/login");
        return post("/login", "username", user, "password", password);
    }

    /** Reads a page and keeps its CSRF token, if it has one, for the next form post. */
    public HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = token(m);
        }
        return r;
    }

    /** Opens an address as a browser does from its address bar or history: a GET that asks for HTML first. */
    public HttpResponse<String> open(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET());
    }

    /** Reads a file whose bytes matter (a PDF to hash, a CSV to parse as UTF-8); it carries no form token. */
    public HttpResponse<byte[]> download(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form with the CSRF token of the page last read, as the browser would. */
    public HttpResponse<String> post(String path, String... nameValues) {
        return postWithToken(csrf, path, nameValues);
    }

    /** Opens {@code formPage} and posts its form to {@code action}; fails if the page carries no form token. */
    public HttpResponse<String> submit(String formPage, String action, String... nameValues) {
        return postWithToken(csrfOf(get(formPage).body()), action, nameValues);
    }

    /**
     * Posts a form with a token of the test's choosing: one from a page older than the session (an
     * expired form), or {@code null} for none at all (a forged request).
     */
    public HttpResponse<String> postWithToken(String token, String path, String... nameValues) {
        StringBuilder body = new StringBuilder();
        if (token != null) {
            body.append("_csrf=").append(enc(token));
        }
        for (int i = 0; i < nameValues.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(enc(nameValues[i])).append('=')
                    .append(enc(nameValues[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Uploads a file from the case page's form (multipart, the page's CSRF token as a part), as a browser would. */
    public HttpResponse<String> upload(String path, String title, byte[] file) {
        return upload(path, title, file, false);
    }

    /** The same, with the title sent as a file part when {@code titleAsFile} (a crafted request no browser sends). */
    public HttpResponse<String> upload(String path, String title, byte[] file, boolean titleAsFile) {
        String boundary = "authpack-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\""
                + (titleAsFile ? "; filename=\"title.txt\"" : "") + "\r\n\r\n" + title
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * Posts a multipart form as a browser would: the page's CSRF token, {@code fields} as text parts, and
     * {@code file} as the part {@code "file"} when not null.
     */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileName, byte[] file) {
        return postMultipart(path, fields, "file", fileName, file);
    }

    /** The same with the file as the part {@code fileField}: a file sent where the form has a text field (crafted). */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
                                              byte[] file) {
        String boundary = "authpack-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * A request whose body is {@code body} as {@code contentType}, with this session and its CSRF token as a header:
     * a body a browser would never send (a multipart without a boundary, crafted by a script).
     */
    public HttpResponse<String> sendRaw(String method, String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", contentType).header("X-CSRF-TOKEN", csrf)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The CSRF token a page carries; fails if it has none, since a test that needs one cannot go on without. */
    public static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return token(m);
    }

    private static String token(Matcher m) {
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        String header = cookies.header();
        if (!header.isEmpty()) {
            request.header("Cookie", header);
        }
        try {
            HttpResponse<T> r = HTTP.send(request.build(), body);
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

        String get(String name) {
            return values.get(name);
        }

        String header() {
            StringBuilder b = new StringBuilder();
            values.forEach((k, v) -> b.append(b.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            return b.toString();
        }
    }
}
