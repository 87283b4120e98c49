package dev.authpack.bench;

import java.util.Arrays;

/** Latencies in milliseconds, recorded from many threads; percentiles by nearest rank. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    synchronized void addAll(Latencies other) {
        long[] theirs = other.snapshot();
        for (long v : theirs) {
            add(v);
        }
    }

    synchronized int count() {
        return size;
    }

    synchronized long[] snapshot() {
        return Arrays.copyOf(values, size);
    }

    long percentile(double p) {
        long[] sorted = snapshot();
        if (sorted.length == 0) {
            return -1;
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    String summary() {
        return String.format("n=%d p50=%d p99=%d max=%d ms", count(), percentile(50), percentile(99), percentile(100));
    }
}
