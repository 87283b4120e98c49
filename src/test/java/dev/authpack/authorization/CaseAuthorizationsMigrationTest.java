package dev.authpack.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ServiceMigrations;
import dev.authpack.support.Samples;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An upgrade stores, for each case with events recorded before V117, the authorization its events
 * leave it in, on both databases: an approval whose end has passed is stored APPROVED (EXPIRED is read
 * against the day), sessions are counted, and a denial keeps its appeal deadline until an appeal.
 * Events an earlier release recorded after its database had been migrated (an instance of it left
 * running in a rolling upgrade, or an operator going back to it) are in the rows after the next upgrade.
 */
class CaseAuthorizationsMigrationTest {

    private static final String APPROVED_CASE = "11111111-1111-1111-1111-111111111111";
    private static final String APPEALED_CASE = "22222222-2222-2222-2222-222222222222";
    private static final String SUBMITTED_CASE = "33333333-3333-3333-3333-333333333333";

    @Test
    void anUpgradeOnH2StoresEachCasesAuthorizationFromItsEvents() {
        upgradeAndCheck(ServiceMigrations.emptyH2("case-authorizations-upgrade"), "h2");
    }

    @Test
    void anUpgradeOnPostgresStoresEachCasesAuthorizationFromItsEvents() {
        upgradeAndCheck(ServiceMigrations.emptyPostgres("case_authorizations_upgrade"), "postgresql");
    }

    @Test
    void anUpgradeOnH2CatchesUpWithEventsAnEarlierReleaseRecordedWithoutTheirRows() {
        staleRowsAreReplayed(ServiceMigrations.emptyH2("case-authorizations-stale"), "h2");
    }

    @Test
    void anUpgradeOnPostgresCatchesUpWithEventsAnEarlierReleaseRecordedWithoutTheirRows() {
        staleRowsAreReplayed(ServiceMigrations.emptyPostgres("case_authorizations_stale"), "postgresql");
    }

    private static void staleRowsAreReplayed(DataSource db, String vendor) {
        // V118 stored the approved case as SUBMITTED; then a release from before V117 recorded its approval, and
        // the submission of the other case, without touching case_authorizations
        ServiceMigrations.flyway(vendor).dataSource(db).target("120").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("INSERT INTO clinics (id, name) VALUES ('north', 'North')");
        for (String id : new String[] {APPROVED_CASE, SUBMITTED_CASE}) {
            jdbc.update("INSERT INTO cases (id, clinic_id, created_by, updated_by, status, complete, version, created_at, "
                    + "updated_at, data) VALUES (?, 'north', 'north.billing', 'north.billing', 'READY', TRUE, 0, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?)", id, Samples.text("01-complete-esketamine"));
        }
        event(jdbc, APPROVED_CASE, 1, "SUBMITTED", "2025-01-02", "FAX", null, null, null, null);
        jdbc.update("INSERT INTO case_authorizations (case_id, clinic_id, status, submitted_on, channel, sessions_used) "
                + "VALUES (?, 'north', 'SUBMITTED', ?, 'FAX', 0)", APPROVED_CASE, Date.valueOf("2025-01-02"));
        event(jdbc, APPROVED_CASE, 2, "APPROVED", "2025-01-10", null, "AUTH-77", "2025-01-11", "2025-06-30", 12);
        event(jdbc, APPROVED_CASE, 3, "SESSION_GIVEN", "2025-01-12", null, null, null, null, null);
        event(jdbc, SUBMITTED_CASE, 1, "SUBMITTED", "2025-02-02", "PORTAL", null, null, null, null);

        ServiceMigrations.flyway(vendor).dataSource(db).load().migrate();

        assertThat(jdbc.queryForMap("SELECT * FROM case_authorizations WHERE case_id = ?", APPROVED_CASE))
                .containsEntry("STATUS", "APPROVED").containsEntry("AUTHORIZATION_NUMBER", "AUTH-77")
                .containsEntry("SESSIONS_USED", 1).containsEntry("SESSIONS_LEFT", 11);
        assertThat(jdbc.queryForMap("SELECT * FROM case_authorizations WHERE case_id = ?", SUBMITTED_CASE))
                .containsEntry("STATUS", "SUBMITTED").containsEntry("CHANNEL", "PORTAL");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_authorizations", Integer.class)).isEqualTo(2);
    }

    private static void upgradeAndCheck(DataSource db, String vendor) {
        ServiceMigrations.flyway(vendor).dataSource(db).target("117").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("INSERT INTO clinics (id, name) VALUES ('north', 'North')");
        for (String id : new String[] {APPROVED_CASE, APPEALED_CASE}) {
            jdbc.update("INSERT INTO cases (id, clinic_id, created_by, updated_by, status, complete, version, created_at, "
                    + "updated_at, data) VALUES (?, 'north', 'north.billing', 'north.billing', 'READY', TRUE, 0, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?)", id, Samples.text("01-complete-esketamine"));
        }
        event(jdbc, APPROVED_CASE, 1, "SUBMITTED", "2025-01-02", "FAX", null, null, null, null);
        event(jdbc, APPROVED_CASE, 2, "APPROVED", "2025-01-10", null, "AUTH-77", "2025-01-11", "2025-06-30", 12);
        event(jdbc, APPROVED_CASE, 3, "SESSION_GIVEN", "2025-01-12", null, null, null, null, null);
        event(jdbc, APPROVED_CASE, 4, "SESSION_GIVEN", "2025-01-15", null, null, null, null, null);
        event(jdbc, APPEALED_CASE, 1, "SUBMITTED", "2025-02-02", "PORTAL", null, null, null, null);
        event(jdbc, APPEALED_CASE, 2, "DENIED", "2025-02-20", null, null, null, null, null);
        event(jdbc, APPEALED_CASE, 3, "APPEALED", "2025-03-01", null, null, null, null, null);

        ServiceMigrations.flyway(vendor).dataSource(db).load().migrate();

        Map<String, Object> approved = jdbc.queryForMap("SELECT * FROM case_authorizations WHERE case_id = ?", APPROVED_CASE);
        assertThat(approved).containsEntry("STATUS", "APPROVED").containsEntry("CHANNEL", "FAX")
                .containsEntry("AUTHORIZATION_NUMBER", "AUTH-77")
                .containsEntry("APPROVED_TO", Date.valueOf(LocalDate.of(2025, 6, 30)))
                .containsEntry("SESSIONS_USED", 2).containsEntry("SESSIONS_LEFT", 10).containsEntry("APPEAL_DEADLINE", null);
        Map<String, Object> appealed = jdbc.queryForMap("SELECT * FROM case_authorizations WHERE case_id = ?", APPEALED_CASE);
        assertThat(appealed).containsEntry("STATUS", "APPEALED").containsEntry("DENIAL_REASON", "not necessary")
                .containsEntry("APPEAL_DEADLINE", Date.valueOf(LocalDate.of(2025, 2, 20).plusDays(Lifecycle.APPEAL_DAYS)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_authorizations", Integer.class)).isEqualTo(2);
    }

    private static void event(JdbcTemplate jdbc, String caseId, int seq, String type, String date, String channel,
                              String number, String from, String to, Integer sessions) {
        jdbc.update("INSERT INTO authorization_events (case_id, clinic_id, seq, type, event_date, channel, "
                        + "authorization_number, approved_from, approved_to, approved_sessions, reason, recorded_by, "
                        + "recorded_at) VALUES (?, 'north', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'north.billing', CURRENT_TIMESTAMP)",
                caseId, seq, type, Date.valueOf(date), channel, number, from == null ? null : Date.valueOf(from),
                to == null ? null : Date.valueOf(to), sessions, type.equals("DENIED") ? "not necessary" : null);
    }
}
