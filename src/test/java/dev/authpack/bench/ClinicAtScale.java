package dev.authpack.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clinic some years in (the {@code clinic} phase, not in the default set): {@code cases} cases
 * through the API, {@code approved} of them with a packet, a submission, an approval and eight
 * sessions, then the pages a clerk opens all day timed one at a time, signed in through the login
 * form as a browser is, and the API reads scripts use. Each page 5 times unmeasured, then 20.
 */
final class ClinicAtScale {

    private static final String USER = DeskLoad.USER;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Http api;
    private final int port;

    ClinicAtScale(Http api, int port) {
        this.api = api;
        this.port = port;
    }

    /** Fills the clinic; returns a line saying what it holds and how long filling took. */
    String fill(String sample, int cases, int approved) throws Exception {
        long t0 = System.nanoTime();
        List<String> ids = parallel(cases, i -> {
            Http.Answer a = api.post("/api/v1/cases", USER, sample.replace("\"Reyes\"", "\"Scale" + i + "\""));
            require(a, 201);
            int at = a.body().indexOf("\"id\":\"") + 6;
            return a.body().substring(at, a.body().indexOf('"', at));
        });
        parallel(Math.min(approved, ids.size()), i -> {
            String path = "/api/v1/cases/" + ids.get(i);
            require(api.post(path + "/packet", USER, null), 201);
            require(api.post(path + "/events", USER, "{\"type\":\"SUBMITTED\",\"date\":\"2026-10-01\",\"channel\":\"FAX\"}"), 201);
            require(api.post(path + "/events", USER, "{\"type\":\"APPROVED\",\"date\":\"2026-10-05\",\"authorizationNumber\":"
                    + "\"A-" + i + "\",\"approvedFrom\":\"2026-10-06\",\"approvedTo\":\"2027-04-06\",\"approvedSessions\":24}"), 201);
            for (int s = 0; s < 8; s++) {
                require(api.post(path + "/events", USER, String.format(
                        "{\"type\":\"SESSION_GIVEN\",\"date\":\"2026-10-%02d\"}", 7 + 3 * s)), 201);
            }
            return path;
        });
        return String.format("%d cases, %d of them with a packet and 10 events, filled in %d s", cases,
                Math.min(approved, ids.size()), (System.nanoTime() - t0) / 1_000_000_000);
    }

    /** Page → latencies of 20 loads, one at a time, by a signed-in clerk (pages) or over Basic (API). */
    Map<String, Latencies> time() throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        signIn(browser);
        Map<String, Latencies> out = new LinkedHashMap<>();
        for (String page : List.of("/cases", "/cases?page=40", "/cases?sort=patient&dir=asc", "/worklist", "/documents")) {
            out.put(page, timed(() -> status(browser, page)));
        }
        for (String path : List.of("/api/v1/cases", "/api/v1/worklist")) {
            out.put(path, timed(() -> api.get(path, USER).status()));
        }
        return out;
    }

    private interface Load {
        int status() throws IOException, InterruptedException;
    }

    private static Latencies timed(Load load) throws IOException, InterruptedException {
        Latencies l = new Latencies();
        for (int i = 0; i < 25; i++) {
            long t0 = System.nanoTime();
            int status = load.status();
            if (status != 200) {
                throw new IllegalStateException("a page answered " + status);
            }
            if (i >= 5) {
                l.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        return l;
    }

    private void signIn(HttpClient browser) throws IOException, InterruptedException {
        String form = browser.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF field on the login page");
        }
        String body = "username=" + USER + "&password=" + Http.PASSWORD + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = browser.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in answered " + r.statusCode());
        }
    }

    private int status(HttpClient browser, String page) throws IOException, InterruptedException {
        return browser.send(request(page).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
    }

    private interface Step {
        String run(int i);
    }

    /** Runs {@code count} steps on 3 client threads; the results in step order. */
    private static List<String> parallel(int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> step.run(n)));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> f : futures) {
                out.add(f.get(10, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void require(Http.Answer a, int status) {
        if (a.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + a.status() + ": " + a.body());
        }
    }
}
