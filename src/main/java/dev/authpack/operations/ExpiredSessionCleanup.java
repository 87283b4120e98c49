package dev.authpack.operations;

import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired web sessions from the database, once a minute, on one instance at a time. Spring
 * Session's own clean-up (turned off in application.properties) would run the same delete on every
 * instance every minute; under the lock only one does, and the others skip that minute.
 */
@Component
class ExpiredSessionCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSessionCleanup.class);

    private final JdbcIndexedSessionRepository sessions;
    private final AtomicInteger runs = new AtomicInteger();

    ExpiredSessionCleanup(JdbcIndexedSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Scheduled(cron = "${authpack.sessions.cleanup-cron:0 * * * * *}")
    @SchedulerLock(name = "expired-session-cleanup", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
    void run() {
        runs.incrementAndGet();
        sessions.cleanUpExpiredSessions();
        log.debug("expired web sessions deleted");
    }

    /** How often this instance has run the clean-up (not skipped it for another instance's lock). */
    int runs() {
        return runs.get();
    }
}
