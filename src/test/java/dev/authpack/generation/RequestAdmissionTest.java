package dev.authpack.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The admission filter's answers: a place, a 503 problem after the wait, and no wait for health checks. */
@Isolated // waits a bounded time, measured on a clock (Surefire runs test classes two at a time)
class RequestAdmissionTest {

    final ExecutorService callers = Executors.newCachedThreadPool();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
    }

    static RequestAdmission admission(int concurrency) {
        return admission(concurrency, Duration.ofSeconds(10));
    }

    static RequestAdmission admission(int concurrency, Duration maxWait) {
        return new RequestAdmission(new RequestAdmissionProperties(concurrency, maxWait, Duration.ofSeconds(3)));
    }

    static MockHttpServletRequest request(String path) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", path);
        r.setRequestURI(path);
        r.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString("north.billing:x".getBytes()));
        return r;
    }

    /** Occupies the only place with a request that waits for {@link #release}. */
    private Future<?> holdThePlace(RequestAdmission admission) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        Future<?> f = callers.submit(() -> {
            admission.doFilter(request("/api/v1/cases"), new MockHttpServletResponse(), (req, res) -> {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return null;
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        return f;
    }

    @Test
    void aRequestThatFindsNoPlaceInTimeIsAnswered503ProblemWithRetryAfter() throws Exception {
        RequestAdmission admission = admission(1, Duration.ofMillis(50));
        holdThePlace(admission);
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean[] served = {false};

        admission.doFilter(request("/api/v1/cases"), response, (req, res) -> served[0] = true);

        assertThat(served[0]).isFalse();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("3");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503").contains("try again in 3 seconds");
    }

    @Test
    void aPersonAtAPageIsToldInWordsAndSentBackNotGivenJson() throws Exception {
        RequestAdmission admission = admission(1, Duration.ofMillis(50));
        holdThePlace(admission);
        MockHttpServletRequest page = new MockHttpServletRequest("POST", "/cases/new");
        page.setRequestURI("/cases/new");
        page.addHeader("Accept", "text/html,application/xhtml+xml");
        MockHttpServletResponse response = new MockHttpServletResponse();

        admission.doFilter(page, response, (req, res) -> { });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("3");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("Nothing was changed", "Back button", "try again in 3 seconds");
    }

    @Test
    void healthChecksAndStaticFilesNeverWaitForAPlace() throws Exception {
        RequestAdmission admission = admission(1, Duration.ofMillis(50));
        holdThePlace(admission);

        for (String path : new String[] {"/actuator/health/readiness", "/css/app.css", "/js/authpack.js"}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            boolean[] served = {false};
            admission.doFilter(request(path), response, (req, res) -> served[0] = true);
            assertThat(served[0]).as(path).isTrue();
        }
    }

    @Test
    void theSenderIsTheBasicUserElseTheSessionElseTheAddress() {
        assertThat(RequestAdmission.sender(request("/api/v1/cases"))).isEqualTo("u:north.billing");
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/cases");
        page.setCookies(new jakarta.servlet.http.Cookie("JSESSIONID", "abc"));
        assertThat(RequestAdmission.sender(page)).isEqualTo("s:abc");
        MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/login");
        anonymous.setRemoteAddr("10.0.0.7");
        assertThat(RequestAdmission.sender(anonymous)).isEqualTo("a:10.0.0.7");
    }

    @Test
    void aRequestWaitingForItsDocumentLetsTheNextRequestIn() throws Exception {
        RequestAdmission admission = admission(1, Duration.ofSeconds(10));
        GenerationPool pool = new GenerationPool(new GenerationProperties(1, 0, 4, Duration.ofSeconds(10),
                Duration.ofSeconds(7)), admission);
        CountDownLatch rendering = new CountDownLatch(1);
        callers.submit(() -> {
            admission.doFilter(request("/api/v1/cases/1/packet"), new MockHttpServletResponse(), (req, res) -> {
                try {
                    pool.run(() -> {
                        rendering.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return "pdf";
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            return null;
        });
        assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean[] served = {false};
        admission.doFilter(request("/api/v1/cases"), response, (req, res) -> served[0] = true);

        assertThat(served[0]).as("served while the packet renders, not after").isTrue();
        assertThat(response.getStatus()).isEqualTo(200);
        pool.stop();
    }
}
