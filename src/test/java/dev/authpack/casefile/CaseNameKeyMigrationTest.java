package dev.authpack.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.Samples;
import dev.authpack.support.ServiceMigrations;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases stored before V124 get the name key Recent documents searches, worked out as the service works out
 * a typed name's key, on both databases (PostgreSQL's own {@code lower()} follows its locale); keys stored
 * with their accents before V126 are worked out again without them.
 */
class CaseNameKeyMigrationTest {

    @Test
    void anUpgradeOnH2GivesEarlierCasesTheirNameKeyWorkedOutAsTheServiceDoes() {
        upgradeAndCheck(ServiceMigrations.emptyH2("name-key-upgrade"), "h2");
    }

    @Test
    void anUpgradeOnPostgresGivesEarlierCasesTheirNameKeyWorkedOutAsTheServiceDoes() {
        upgradeAndCheck(ServiceMigrations.emptyPostgres("name_key_upgrade"), "postgresql");
    }

    @Test
    void anUpgradeOnH2WorksOutAgainTheKeysStoredWithTheirAccents() {
        refillAndCheck(ServiceMigrations.emptyH2("name-key-refill"), "h2");
    }

    @Test
    void anUpgradeOnPostgresWorksOutAgainTheKeysStoredWithTheirAccents() {
        refillAndCheck(ServiceMigrations.emptyPostgres("name_key_refill"), "postgresql");
    }

    /** A database the release before V126 wrote: its keys kept the accents, which a name typed without them missed. */
    private static void refillAndCheck(DataSource db, String vendor) {
        ServiceMigrations.flyway(vendor).dataSource(db).target("125").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("INSERT INTO clinics (id, name) VALUES ('north', 'North')");
        insert(jdbc, "77777777-7777-7777-7777-777777777777", "ÁLVAREZ Strauß");
        jdbc.update("UPDATE cases SET patient_name_key = 'álvarez strauß'");

        ServiceMigrations.flyway(vendor).dataSource(db).load().migrate();

        assertThat(jdbc.queryForObject("SELECT patient_name_key FROM cases", String.class)).isEqualTo("alvarez strauss");
    }

    private static void upgradeAndCheck(DataSource db, String vendor) {
        ServiceMigrations.flyway(vendor).dataSource(db).target("123").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("INSERT INTO clinics (id, name) VALUES ('north', 'North')");
        insert(jdbc, "55555555-5555-5555-5555-555555555555", "İSMAİL ÁLVAREZ ΟΔΥΣΣΕΥΣ");
        insert(jdbc, "66666666-6666-6666-6666-666666666666", null);

        ServiceMigrations.flyway(vendor).dataSource(db).load().migrate();

        assertThat(jdbc.queryForObject("SELECT patient_name_key FROM cases WHERE id = ?", String.class,
                "55555555-5555-5555-5555-555555555555")).isEqualTo("ismail alvarez οδυσσευσ");
        assertThat(jdbc.queryForObject("SELECT patient_name_key FROM cases WHERE id = ?", String.class,
                "66666666-6666-6666-6666-666666666666")).isNull();
    }

    private static void insert(JdbcTemplate jdbc, String id, String name) {
        jdbc.update("INSERT INTO cases (id, clinic_id, created_by, updated_by, status, complete, version, created_at, "
                + "updated_at, data, patient_name) VALUES (?, 'north', 'north.billing', 'north.billing', 'DRAFT', FALSE, "
                + "0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?)", id, Samples.text("01-complete-esketamine"), name);
    }
}
