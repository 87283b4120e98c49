package dev.authpack.operations;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired web sessions from the database, once a minute, on one instance at a time. Spring
 * Session's own clean-up (turned off in application.properties) would run the same delete on every
 * instance every minute; under the lock only one does, and the others skip that minute. Its delete
 * compares the expiry times with the database's clock, not with the host's as Spring Session's does: an
 * instance whose host clock ran 16 minutes fast deleted every session. (Not the service's Clock bean
 * either: tests pin that one to other days while their sessions expire by the real time.)
 */
@Component
class ExpiredSessionCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSessionCleanup.class);

    private final JdbcTemplate jdbc;
    private final AtomicInteger runs = new AtomicInteger();

    ExpiredSessionCleanup(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Scheduled(cron = "${authpack.sessions.cleanup-cron:0 * * * * *}")
    @SchedulerLock(name = "expired-session-cleanup", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
    void run() {
        runs.incrementAndGet();
        // the attributes go with their session (ON DELETE CASCADE, V10)
        long now = jdbc.queryForObject("select current_timestamp", OffsetDateTime.class).toInstant().toEpochMilli();
        int deleted = jdbc.update("delete from spring_session where expiry_time < ?", now);
        log.debug("{} expired web sessions deleted", deleted);
    }

    /** How often this instance has run the clean-up (not skipped it for another instance's lock). */
    int runs() {
        return runs.get();
    }
}
