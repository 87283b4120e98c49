package dev.authpack.web;

import java.util.concurrent.atomic.AtomicBoolean;

/** Heap held from the {@link MemoryBudget} for one request; closing it gives it back, once only. */
final class Reservation implements AutoCloseable {

    private final MemoryBudget budget;
    private final long bytes;
    private final AtomicBoolean open = new AtomicBoolean(true);

    Reservation(MemoryBudget budget, long bytes) {
        this.budget = budget;
        this.bytes = bytes;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            budget.release(bytes);
        }
    }
}
