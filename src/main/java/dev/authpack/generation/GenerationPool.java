package dev.authpack.generation;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Runs CPU-heavy document generation (packets, estimates) on threads of its own, so a burst of packets
 * cannot take every core from the short requests clerks are waiting on.
 *
 * <ul>
 *   <li>{@code threads} workers (default: cores − 1) always generate.</li>
 *   <li>{@code burstThreads} more (default: the remaining cores) generate only while no other request is
 *       being served ({@link RequestAdmission#busy}): an otherwise idle server makes packets on every core,
 *       a busy one keeps a core for its clerks. A burst worker finishes the document it started (tens of
 *       milliseconds), so a clerk's request arriving meanwhile shares a core only that long.</li>
 *   <li>At most {@code threads + queue} generations are admitted at once (fair, first come first
 *       served); a request beyond that waits up to {@code maxWait} for a place and then gets
 *       {@link GenerationBusyException}.</li>
 * </ul>
 * Only the rendering runs here: reading the case, the audit entry and storing the document stay on the
 * request thread, which keeps its security context and transaction.
 */
@Component
public class GenerationPool {

    /** Work that may fail with an I/O error, like rendering and merging PDFs. */
    public interface Work<T> {
        T call() throws IOException;
    }

    private static final long BURST_CHECK_MILLIS = 5;

    private final GenerationProperties settings;
    private final RequestAdmission admission;
    private final Semaphore places;
    private final BlockingDeque<FutureTask<?>> queue = new LinkedBlockingDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopped;

    GenerationPool(GenerationProperties settings, RequestAdmission admission) {
        this.settings = settings;
        this.admission = admission;
        this.places = new Semaphore(settings.threads() + settings.queue(), true);
        for (int i = 1; i <= settings.threads(); i++) {
            start("generation-" + i, false);
        }
        for (int i = 1; i <= settings.burstThreads(); i++) {
            start("generation-burst-" + i, true);
        }
    }

    private void start(String name, boolean burst) {
        Thread t = new Thread(() -> work(burst), name);
        t.setDaemon(true);
        t.start();
        workers.add(t);
    }

    /** Runs {@code work} on a generation thread and returns its result; the caller's thread waits for it. */
    public <T> T run(Work<T> work) throws IOException {
        admit();
        boolean paused = admission.pauseCurrent();
        try {
            FutureTask<T> task = new FutureTask<>(work::call);
            queue.add(task);
            return await(task);
        } finally {
            admission.resumed(paused);
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

    /** Places left for generations (threads plus queue, minus those taken): read by the tests only. */
    int freePlaces() {
        return places.availablePermits();
    }

    private void work(boolean burst) {
        while (!stopped) {
            try {
                if (burst && admission.busy()) {
                    Thread.sleep(BURST_CHECK_MILLIS);
                    continue;
                }
                FutureTask<?> task = burst ? queue.poll(BURST_CHECK_MILLIS, TimeUnit.MILLISECONDS) : queue.take();
                if (task != null && burst && admission.busy()) {
                    queue.offerFirst(task); // a request arrived while this worker waited: the task keeps its turn
                } else if (task != null) {
                    task.run();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
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

    private <T> T await(FutureTask<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            if (!queue.remove(task)) {
                task.cancel(true);
            }
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
        stopped = true;
        workers.forEach(Thread::interrupt);
    }
}
