package dev.authpack.idempotency;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes kept answers past their retention, every hour on one instance: they hold patient data
 * (a created case comes back in full), which is kept no longer than a retry needs it.
 */
@Component
class ExpiredKeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredKeyCleanup.class);

    private final IdempotentRequests requests;

    ExpiredKeyCleanup(IdempotentRequests requests) {
        this.requests = requests;
    }

    @Scheduled(cron = "${authpack.idempotency.cleanup-cron:0 23 * * * *}")
    @SchedulerLock(name = "idempotency-key-cleanup", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void run() {
        int forgotten = requests.forgetExpired();
        if (forgotten > 0) {
            log.info("Forgot {} idempotency keys past their retention", forgotten);
        }
    }
}
