package dev.authpack.generation;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Runs CPU-heavy document generation (packets, estimates) on a few threads of its own, so a burst of
 * packets cannot take every core from the short requests clerks are waiting on. At most
 * {@code threads + queue} generations are admitted at once (fair, first come first served); a request
 * beyond that waits up to {@code maxWait} for a place and then gets {@link GenerationBusyException}.
 *
 * <p>Only the rendering runs here: reading the case, the audit entry and storing the document stay on
 * the request thread, which keeps its security context and transaction.
 */
@Component
public class GenerationPool {

    /** Work that may fail with an I/O error, like rendering and merging PDFs. */
    public interface Work<T> {
        T call() throws IOException;
    }

    private final GenerationProperties settings;
    private final Semaphore places;
    private final ExecutorService workers;

    GenerationPool(GenerationProperties settings) {
        this.settings = settings;
        this.places = new Semaphore(settings.threads() + settings.queue(), true);
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "generation-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Runs {@code work} on a generation thread and returns its result; the caller's thread waits for it. */
    public <T> T run(Work<T> work) throws IOException {
        admit();
        try {
            Future<T> result = workers.submit(work::call);
            return await(result);
        } finally {
            places.release();
        }
    }

    /** Like {@link #run} for work that throws no checked exception. */
    public <T> T call(Work<T> work) {
        try {
            return run(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int threads() {
        return settings.threads();
    }

    /** Places left for generations (threads plus queue, minus those taken): for tests and monitoring. */
    int freePlaces() {
        return places.availablePermits();
    }

    private void admit() {
        try {
            if (!places.tryAcquire(settings.maxWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new GenerationBusyException(Math.max(1, settings.retryAfter().toSeconds()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationBusyException(Math.max(1, settings.retryAfter().toSeconds()));
        }
    }

    private static <T> T await(Future<T> result) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a document", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
