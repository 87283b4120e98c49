package dev.authpack.rendering;

import dev.authpack.content.TemplateException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feature's templates filled from fictitious cases ({@link PdfRenderer#requireFills}) on a thread of its own,
 * begun when the feature's bean is made, so the filling runs beside the rest of start-up instead of after it; the
 * feature waits for it ({@link #await}) once every bean is made, before the service opens, so a template that
 * cannot be filled still stops start-up with the short report naming file, expression and line.
 */
public final class StartUpFills {

    private static final Logger log = LoggerFactory.getLogger(StartUpFills.class);

    /** What a feature fills; returns how many documents it filled. */
    public interface Fills {
        int fill();
    }

    private final String what;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    /** Starts filling now; {@code what} names the documents in the log line ("packets"). */
    public StartUpFills(String what, Fills fills) {
        this.what = what;
        Thread thread = new Thread(() -> run(fills), "template-fills-" + what);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Fills fills) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        try {
            int filled = fills.fill();
            log.info("Document templates filled for {} fictitious {} in {} ms ({} ms of CPU); nothing was stored", filled,
                    what, (System.nanoTime() - wall) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
            done.complete(null);
        } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
        }
    }

    /** Waits for the filling; rethrows what stopped it (a {@link TemplateException} for a template that cannot be filled). */
    public void await() {
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
