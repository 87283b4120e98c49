package dev.authpack.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
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

/** The pool's admission rules, with latches instead of timing: held work, a full queue, refusal. */
@Isolated // waits a bounded time, measured on a clock (Surefire runs test classes two at a time)
class GenerationPoolTest {

    final ExecutorService callers = Executors.newCachedThreadPool();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
    }

    static GenerationPool pool(int threads, int queue, long maxWaitMillis) {
        return new GenerationPool(new GenerationProperties(threads, 0, queue, Duration.ofMillis(maxWaitMillis),
                Duration.ofSeconds(7)), RequestAdmissionTest.admission(4));
    }

    Future<String> hold(GenerationPool pool, CountDownLatch started) {
        return callers.submit(() -> pool.run(() -> {
            started.countDown();
            await(release);
            return Thread.currentThread().getName();
        }));
    }

    @Test
    void workRunsOnAGenerationThreadAndItsResultComesBack() throws Exception {
        GenerationPool pool = pool(1, 0, 1000);
        assertThat(pool.run(() -> Thread.currentThread().getName())).startsWith("generation-");
    }

    @Test
    void beyondThreadsAndQueueARequestWaitsTheBoundedTimeThenIsRefusedWithRetryAfter() throws Exception {
        GenerationPool pool = pool(1, 1, 50);
        CountDownLatch running = new CountDownLatch(1);
        Future<String> first = hold(pool, running);
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch never = new CountDownLatch(1);
        Future<String> queued = hold(pool, never); // takes the one queue place, waits for the thread

        waitUntilAdmitted(pool);
        assertThatThrownBy(() -> pool.run(() -> "third"))
                .isInstanceOfSatisfying(GenerationBusyException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(7));

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).startsWith("generation-");
        assertThat(queued.get(10, TimeUnit.SECONDS)).startsWith("generation-");
        assertThat(pool.run(() -> "after")).isEqualTo("after");
    }

    @Test
    void aWaitingRequestGetsThePlaceWhenOneFreesWithinTheWait() throws Exception {
        GenerationPool pool = pool(1, 0, 10_000);
        CountDownLatch running = new CountDownLatch(1);
        Future<String> first = hold(pool, running);
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        Future<String> second = callers.submit(() -> pool.run(() -> "second"));

        release.countDown();
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(first.get(10, TimeUnit.SECONDS)).startsWith("generation-");
    }

    @Test
    void failuresReachTheCallerUnchangedAndFreeTheirPlace() {
        GenerationPool pool = pool(1, 0, 50);
        assertThatThrownBy(() -> pool.run(() -> {
            throw new IOException("broken upload");
        })).isInstanceOf(IOException.class).hasMessage("broken upload");
        assertThatThrownBy(() -> pool.call(() -> {
            throw new IllegalArgumentException("bad");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(pool.call(() -> "still works")).isEqualTo("still works");
    }

    @Test
    void defaultThreadsLeaveACoreForRequests() {
        int cores = Runtime.getRuntime().availableProcessors();
        GenerationProperties defaults = new GenerationProperties(0, -1, 16, Duration.ofSeconds(10), Duration.ofSeconds(5));
        assertThat(defaults.threads()).isEqualTo(Math.max(1, cores - 1));
        assertThat(defaults.threads() + defaults.burstThreads()).isEqualTo(Math.max(2, cores));
    }

    @Test
    void theBurstThreadGeneratesOnlyWhileNoOtherRequestIsBeingServed() throws Exception {
        RequestAdmission requests = RequestAdmissionTest.admission(4);
        GenerationPool pool = new GenerationPool(new GenerationProperties(1, 1, 4, Duration.ofSeconds(10),
                Duration.ofSeconds(7)), requests);
        CountDownLatch inRequest = new CountDownLatch(1);
        CountDownLatch endRequest = new CountDownLatch(1);
        Future<?> clerk = callers.submit(() -> {
            requests.doFilter(RequestAdmissionTest.request("/api/v1/cases"), new MockHttpServletResponse(), (req, res) -> {
                inRequest.countDown();
                await(endRequest);
            });
            return null;
        });
        assertThat(inRequest.await(10, TimeUnit.SECONDS)).isTrue();
        // while the clerk's request is served only the reserved thread generates, so it takes the held work
        CountDownLatch running = new CountDownLatch(1);
        Future<String> held = hold(pool, running);
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        Future<String> second = callers.submit(() -> pool.run(() -> Thread.currentThread().getName()));
        Thread.sleep(300);
        assertThat(second.isDone()).as("no burst while a clerk's request is served").isFalse();

        endRequest.countDown();
        clerk.get(10, TimeUnit.SECONDS);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("generation-burst-1");
        release.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("generation-1");
    }

    /** The queued caller has taken its place once no place is left. */
    private static void waitUntilAdmitted(GenerationPool pool) throws InterruptedException {
        for (int i = 0; i < 1000 && pool.freePlaces() > 0; i++) {
            Thread.sleep(5);
        }
        assertThat(pool.freePlaces()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
