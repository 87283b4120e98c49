package dev.authpack.web;

import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The heap that large request bodies may hold at once, in bytes: a request reserves its estimate
 * before it reads its body and gives it back when it ends. Reading three 38 MB bundles at once ended
 * the JVM with an OutOfMemoryError (docs/performance.md, "Large request bodies"); with the budget the
 * third waits for its turn instead, and after a bounded wait is answered busy.
 *
 * <p>A reservation larger than the whole budget is cut to the budget, so a request within the endpoint's
 * limit is still admitted when it is alone (otherwise the budget, not the limit, would be the limit).
 */
@Component
class MemoryBudget {

    private final long total;
    private final LongUnaryOperator room;
    private long held;

    @Autowired
    MemoryBudget(UploadBudgetProperties settings) {
        this(settings.budgetBytes(), HeapRoom::forAtLeast);
    }

    MemoryBudget(long total) {
        this(total, bytes -> Long.MAX_VALUE);
    }

    /** {@code room}: bytes the heap has room for, asked with the bytes wanted (see {@link HeapRoom}). */
    MemoryBudget(long total, LongUnaryOperator room) {
        this.total = total;
        this.room = room;
    }

    /**
     * Takes {@code bytes} (at most the whole budget), waiting at most {@code maxWait} for others to give
     * theirs back; {@code null} if the budget stayed too full for the whole wait, or if the share would not
     * fit in the heap beside what is already live there (refused rather than risking the JVM).
     */
    Reservation reserve(long bytes, long maxWait, TimeUnit unit) throws InterruptedException {
        long wanted = Math.max(0, Math.min(bytes, total));
        long deadline = System.nanoTime() + unit.toNanos(maxWait);
        synchronized (this) {
            while (held + wanted > total) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            held += wanted;
        }
        if (wanted > 0 && room.applyAsLong(wanted) < wanted) {
            release(wanted);
            return null;
        }
        return new Reservation(this, wanted);
    }

    synchronized void release(long bytes) {
        held -= bytes;
        notifyAll();
    }

    long total() {
        return total;
    }

    synchronized long held() {
        return held;
    }
}
