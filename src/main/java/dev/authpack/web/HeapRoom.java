package dev.authpack.web;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Room left in the old generation after the last collection: what a large body must fit in besides its
 * share of the budget. The budget bounds how many large bodies are read at once, but the live heap beside
 * them grows with what was stored (docs/performance.md, "Large request bodies"); on an instance where it
 * has, one in-limit import alone ended the JVM. With this check it is answered busy instead.
 */
final class HeapRoom {

    private HeapRoom() {
    }

    /** Bytes free in the old generation after the last collection; unbounded when the JVM does not say. */
    static long afterLastCollection() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            MemoryUsage after = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && after != null && after.getMax() > 0
                    && (name.contains("Old") || name.contains("Tenured"))) {
                return after.getMax() - after.getUsed();
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * The room once garbage is gone: the figure of the last collection first, and only when that is too small,
     * a full collection (~0.4 s on the production heap) and its figure; rare, since it needs a large body.
     */
    static long forAtLeast(long bytes) {
        long room = afterLastCollection();
        if (room >= bytes) {
            return room;
        }
        System.gc();
        return afterLastCollection();
    }
}
