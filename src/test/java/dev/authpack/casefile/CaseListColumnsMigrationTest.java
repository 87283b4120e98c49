package dev.authpack.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ServiceMigrations;
import dev.authpack.support.Samples;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import javax.sql.DataSource;

/**
 * Cases stored before the list columns existed get them filled from their documents when the service
 * is upgraded, on both databases; a document with a value the list cannot read leaves that column
 * empty instead of stopping the upgrade. Cases an earlier release saved after its database had been
 * migrated (an instance of it left running in a rolling upgrade, or an operator going back to it) get
 * their columns at the next upgrade.
 */
class CaseListColumnsMigrationTest {

    @Test
    void anUpgradeOnH2FillsTheListColumnsOfEarlierCases() {
        upgradeAndCheck(ServiceMigrations.emptyH2("list-columns-upgrade"), "h2");
    }

    @Test
    void anUpgradeOnPostgresFillsTheListColumnsOfEarlierCases() {
        upgradeAndCheck(ServiceMigrations.emptyPostgres("list_columns_upgrade"), "postgresql");
    }

    @Test
    void anUpgradeOnH2RefillsTheColumnsThatAnEarlierReleaseLeftBehindItsCases() {
        staleColumnsAreRefilled(ServiceMigrations.emptyH2("list-columns-stale"), "h2");
    }

    @Test
    void anUpgradeOnPostgresRefillsTheColumnsThatAnEarlierReleaseLeftBehindItsCases() {
        staleColumnsAreRefilled(ServiceMigrations.emptyPostgres("list_columns_stale"), "postgresql");
    }

    private static void staleColumnsAreRefilled(DataSource db, String vendor) {
        // a database that V115 had filled, then written by a release from before V114, which knows no list columns
        ServiceMigrations.flyway(vendor).dataSource(db).target("120").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("INSERT INTO clinics (id, name) VALUES ('north', 'North')");
        insertCase(jdbc, "33333333-3333-3333-3333-333333333333", Samples.text("01-complete-esketamine"));
        insertCase(jdbc, "44444444-4444-4444-4444-444444444444",
                Samples.text("01-complete-esketamine").replace("\"Reyes\"", "\"Renamed\""));
        jdbc.update("UPDATE cases SET patient_first_name = 'Dana', patient_last_name = 'Reyes', member_id = "
                + "'XJH123456789' WHERE id = '44444444-4444-4444-4444-444444444444'");

        ServiceMigrations.flyway(vendor).dataSource(db).load().migrate();

        assertThat(jdbc.queryForMap("SELECT * FROM cases WHERE id = '33333333-3333-3333-3333-333333333333'"))
                .containsEntry("PATIENT_FIRST_NAME", "Dana").containsEntry("PATIENT_LAST_NAME", "Reyes")
                .containsEntry("BIRTH_DATE", Date.valueOf(LocalDate.of(1979, 3, 14)))
                .containsEntry("MEMBER_ID", "XJH123456789").containsEntry("PAYER_NAME", "Example Health Plan")
                .containsEntry("REQUESTED_START", Date.valueOf(LocalDate.of(2026, 11, 30)));
        assertThat(jdbc.queryForMap("SELECT * FROM cases WHERE id = '44444444-4444-4444-4444-444444444444'"))
                .containsEntry("PATIENT_LAST_NAME", "Renamed").containsEntry("MEMBER_ID", "XJH123456789");
    }

    private static void upgradeAndCheck(DataSource db, String vendor) {
        // the database as the release before V114 left it, with two cases in it
        ServiceMigrations.flyway(vendor).dataSource(db).target("114").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("INSERT INTO clinics (id, name) VALUES ('north', 'North')");
        insertCase(jdbc, "11111111-1111-1111-1111-111111111111", Samples.text("01-complete-esketamine"));
        insertCase(jdbc, "22222222-2222-2222-2222-222222222222",
                "{\"patient\": {\"lastName\": \"Oddly-Dated\", \"dateOfBirth\": \"03/14/1979\"}, \"request\": {}}");

        ServiceMigrations.flyway(vendor).dataSource(db).load().migrate();

        Map<String, Object> sample = jdbc.queryForMap("SELECT * FROM cases WHERE id = '11111111-1111-1111-1111-111111111111'");
        assertThat(sample).containsEntry("PATIENT_FIRST_NAME", "Dana").containsEntry("PATIENT_LAST_NAME", "Reyes")
                .containsEntry("BIRTH_DATE", Date.valueOf(LocalDate.of(1979, 3, 14)))
                .containsEntry("MEMBER_ID", "XJH123456789").containsEntry("PAYER_NAME", "Example Health Plan")
                .containsEntry("REQUESTED_START", Date.valueOf(LocalDate.of(2026, 11, 30)));
        Map<String, Object> odd = jdbc.queryForMap("SELECT * FROM cases WHERE id = '22222222-2222-2222-2222-222222222222'");
        assertThat(odd).containsEntry("PATIENT_LAST_NAME", "Oddly-Dated").containsEntry("BIRTH_DATE", null)
                .containsEntry("MEMBER_ID", null).containsEntry("REQUESTED_START", null);
    }

    private static void insertCase(JdbcTemplate jdbc, String id, String document) {
        jdbc.update("INSERT INTO cases (id, clinic_id, created_by, updated_by, status, complete, version, created_at, "
                + "updated_at, data) VALUES (?, 'north', 'north.billing', 'north.billing', 'DRAFT', FALSE, 0, "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?)", id, document);
    }
}
