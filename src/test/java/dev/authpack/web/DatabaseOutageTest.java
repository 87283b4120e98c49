package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.AuthpackApplication;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.EmbeddedPostgresForTests;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * While the database refuses connections (a PostgreSQL restart or failover, here its database closed
 * to new connections and the open ones ended), every request is answered 503 with Retry-After: the API
 * as problem+json, a browser with a page that says what to do, sign-in included. Nothing in between
 * is a 500 or Tomcat's bare error page, and once the database is back the same clerk's session and
 * the API carry on.
 */
class DatabaseOutageTest {

    private static final String DATABASE = "database_outage";
    private static final String CLERK = "north.billing";
    private static ConfigurableApplicationContext service;
    private static int port;

    @BeforeAll
    static void start() {
        String url = EmbeddedPostgresForTests.newDatabase(DATABASE);
        service = new SpringApplicationBuilder(AuthpackApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=4",
                // a request waits this long for a connection before it is answered
                "--spring.datasource.hikari.connection-timeout=1000",
                "--authpack.sessions.cleanup-cron=-");
        port = ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    @AfterAll
    static void stop() throws SQLException {
        databaseAccepts(true);
        if (service != null) {
            service.close();
        }
    }

    @Test
    void whileTheDatabaseRefusesConnectionsEveryRequestIsA503SayingToTryAgainAndAfterwardsWorkGoesOn() throws Exception {
        ApiClient api = new ApiClient(port);
        FormClient browser = new FormClient(port).signIn(CLERK, ApiClient.PASSWORD);
        String caseId = api.post("/api/v1/cases", CLERK, Samples.text("01-complete-esketamine")).json().get("id")
                .asString();
        assertThat(page(browser, "/cases/" + caseId).statusCode()).isEqualTo(200);

        databaseAccepts(false);
        try {
            for (Response r : new Response[] {api.get("/api/v1/cases/" + caseId, CLERK),
                    api.post("/api/v1/cases", CLERK, Samples.text("02-one-failed-trial"))}) {
                assertThat(r.status()).as(r.text()).isEqualTo(503);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.header("Retry-After")).isEqualTo("30");
                assertThat(r.json().get("title").asString()).isEqualTo("Database unavailable");
                assertThat(r.json().get("detail").asString()).contains("Send it again in a minute");
            }
            for (String path : new String[] {"/cases/" + caseId, "/worklist", "/login"}) {
                HttpResponse<String> r = page(browser, path);
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).as(path).hasValue("30");
                assertThat(r.body()).as(path).contains("<h1>Not available right now</h1>",
                        "cannot reach its database").doesNotContain("HTTP Status", "Exception");
            }
        } finally {
            databaseAccepts(true);
        }

        // the pool opens new connections in the background, after a back-off from its failed attempts
        int status = 0;
        for (int attempt = 0; attempt < 40 && status != 200; attempt++) {
            status = api.get("/api/v1/cases/" + caseId, CLERK).status();
            if (status != 200) {
                assertThat(status).as("while the pool reconnects").isEqualTo(503);
                Thread.sleep(250);
            }
        }
        assertThat(status).as("the service recovers without a restart").isEqualTo(200);
        HttpResponse<String> again = page(browser, "/cases/" + caseId);
        assertThat(again.statusCode()).as("the clerk's session outlived the outage").isEqualTo(200);
        assertThat(again.body()).contains("Reyes");
    }

    /** As a browser asks for a page: with its session cookie, accepting HTML. */
    private static HttpResponse<String> page(FormClient browser, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Cookie", "JSESSIONID=" + browser.sessionId()).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Closes the database to new connections and ends the open ones, as a restart does; or opens it again. */
    private static void databaseAccepts(boolean open) throws SQLException {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresForTests.serverUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS " + open);
            if (!open) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
            }
        }
    }
}
