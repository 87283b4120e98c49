package dev.authpack.packet;

import dev.authpack.rendering.RenderedPdf;
import dev.authpack.rendering.TestPdfs;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Throughput and memory of packet generation, outside Spring and the database. Not part of the
 * normal test run (the class name matches no Surefire pattern); run it explicitly:
 * <pre>
 * mvn -o -q test -Dtest=PacketBenchmark#packets -Dsurefire.failIfNoSpecifiedTests=false
 * mvn -o -q test -Dtest=PacketBenchmark#merge -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m
 * </pre>
 * Figures and what they led to: docs/performance.md.
 */
class PacketBenchmark {

    static final int WARM_UP = Integer.getInteger("bench.warmup", 60);
    static final int PACKETS = Integer.getInteger("bench.packets", 240);

    @Test
    void packets() throws Exception {
        PacketFixtures fix = new PacketFixtures(Boolean.parseBoolean(System.getProperty("bench.accessible", "true")));
        run(fix, 1, WARM_UP, false);
        for (int threads : new int[] {1, 2}) {
            run(fix, threads, PACKETS, true);
        }
    }

    private static void run(PacketFixtures fix, int threads, int count, boolean report) throws Exception {
        resetPeaks();
        long[] millis = new long[count];
        AtomicLong pages = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            work.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                long c0 = cpu.getCurrentThreadCpuTime();
                RenderedPdf pdf = fix.packet(SyntheticCases.of(n), false, List.of());
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - c0);
                millis[n] = (System.nanoTime() - t0) / 1_000_000;
                pages.addAndGet(pdf.pages());
                bytes.addAndGet(pdf.bytes().length);
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (report) {
            Arrays.sort(millis);
            System.out.printf("packets: threads=%d n=%d  %.1f packets/s  p50=%d ms  p99=%d ms  max=%d ms  "
                            + "cpu=%.1f ms/packet  pages/packet=%.2f  KB/packet=%d  peak heap=%d MiB  load=%.1f%n", threads, count,
                    count / seconds, millis[count / 2], millis[(int) Math.ceil(count * 0.99) - 1], millis[count - 1],
                    cpuNanos.get() / 1e6 / count, pages.get() / (double) count, bytes.get() / 1024 / count, peakHeapMiB(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /**
     * A/B of CPU time per packet, robust to a busy machine: the templates in {@code -Dbench.templatesA=DIR}
     * against the working tree's, one thread, interleaved rounds of 25 packets each, median per variant.
     */
    @Test
    void compare() throws Exception {
        PacketFixtures a = new PacketFixtures(java.nio.file.Path.of(System.getProperty("bench.templatesA")), true);
        PacketFixtures b = new PacketFixtures(true);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Double> cpuA = new ArrayList<>();
        List<Double> cpuB = new ArrayList<>();
        for (int round = 0; round < 2 + Integer.getInteger("bench.rounds", 6); round++) {
            for (PacketFixtures fix : new PacketFixtures[] {a, b}) {
                long c0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < 25; i++) {
                    fix.packet(SyntheticCases.of(round * 25L + i), false, List.of());
                }
                if (round >= 2) { // the first two rounds warm up
                    (fix == a ? cpuA : cpuB).add((cpu.getCurrentThreadCpuTime() - c0) / 1e6 / 25);
                }
            }
        }
        System.out.printf("compare: CPU ms/packet, median of %d rounds: A=%.1f B=%.1f (B/A=%.2f)  A=%s B=%s  load=%.1f%n",
                cpuA.size(), median(cpuA), median(cpuB), median(cpuB) / median(cpuA), cpuA, cpuB,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void merge() throws Exception {
        PacketFixtures fix = new PacketFixtures(true);
        fix.packet(SyntheticCases.of(1), false, List.of()); // warm up the pipeline
        List<PacketAssembler.Enclosure> notes = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int n = i;
            notes.add(new PacketAssembler.Enclosure("Clinical notes part " + n, 0, () -> TestPdfs.notes(100, "PART" + n, 40)));
        }
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        RenderedPdf pdf = fix.packet(SyntheticCases.of(2), false, notes);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("merge: 1,000 attachment pages -> %d pages, %.1f MiB, %.2f s, peak heap=%d MiB, max heap=%d MiB%n",
                pdf.pages(), pdf.bytes().length / 1048576.0, seconds, peakHeapMiB(),
                Runtime.getRuntime().maxMemory() / 1048576);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1048576;
    }
}
