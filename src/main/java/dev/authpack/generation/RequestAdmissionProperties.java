package dev.authpack.generation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests work at once ({@code authpack.requests.*}).
 *
 * @param concurrency requests at work at once; 0 (the default) means two per core (measured best of 1, 2 and 4
 *                    per core under the stress load: docs/performance.md)
 * @param maxWait     how long a request waits for its turn before it is answered 503
 * @param retryAfter  what that 503 tells the client to wait before trying again
 */
@ConfigurationProperties("authpack.requests")
record RequestAdmissionProperties(int concurrency, Duration maxWait, Duration retryAfter) {

    @ConstructorBinding
    RequestAdmissionProperties(@DefaultValue("0") int concurrency, @DefaultValue("10s") Duration maxWait,
                               @DefaultValue("2s") Duration retryAfter) {
        this.concurrency = concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors();
        this.maxWait = maxWait;
        this.retryAfter = retryAfter;
    }
}
