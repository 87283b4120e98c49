package dev.authpack.generation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of the machine document generation may take ({@code authpack.generation.*}).
 *
 * @param threads   generation threads; 0 (the default) means one fewer than the cores, at least one, so a
 *                  core stays free for the short requests a clerk is waiting on
 * @param burstThreads more generation threads that work only while no other request is being served;
 *                  -1 (the default) means the cores left over by {@code threads}
 * @param queue     generations admitted to wait for a thread
 * @param maxWait   how long a request beyond the queue waits for a place before it is answered 503
 * @param retryAfter what the 503 tells the client to wait before trying again
 */
@ConfigurationProperties("authpack.generation")
record GenerationProperties(int threads, int burstThreads, int queue, Duration maxWait, Duration retryAfter) {

    @ConstructorBinding
    GenerationProperties(@DefaultValue("0") int threads, @DefaultValue("-1") int burstThreads,
                         @DefaultValue("16") int queue, @DefaultValue("10s") Duration maxWait,
                         @DefaultValue("5s") Duration retryAfter) {
        int cores = Runtime.getRuntime().availableProcessors();
        this.threads = threads > 0 ? threads : Math.max(1, cores - 1);
        this.burstThreads = burstThreads >= 0 ? burstThreads : Math.max(0, cores - this.threads);
        this.queue = Math.max(0, queue);
        this.maxWait = maxWait;
        this.retryAfter = retryAfter;
    }
}
