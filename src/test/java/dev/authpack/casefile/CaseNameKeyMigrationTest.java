package dev.authpack.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.Samples;
import dev.authpack.support.ServiceMigrations;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases stored before V124 get the name key Recent documents searches, lower-cased as the service
 * lower-cases a typed name, on both databases: PostgreSQL's own {@code lower()} would have written
 * "ismail" for "İSMAİL", which the typed "İSMAİL" (Java: "i̇smai̇l") does not find.
 */
class CaseNameKeyMigrationTest {

    @Test
    void anUpgradeOnH2GivesEarlierCasesTheirNameKeyLowerCasedAsTheServiceDoes() {
        upgradeAndCheck(ServiceMigrations.emptyH2("name-key-upgrade"), "h2");
    }

    @Test
    void anUpgradeOnPostgresGivesEarlierCasesTheirNameKeyLowerCasedAsTheServiceDoes() {
        upgradeAndCheck(ServiceMigrations.emptyPostgres("name_key_upgrade"), "postgresql");
    }

    private static void upgradeAndCheck(DataSource db, String vendor) {
        ServiceMigrations.flyway(vendor).dataSource(db).target("123").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("INSERT INTO clinics (id, name) VALUES ('north', 'North')");
        insert(jdbc, "55555555-5555-5555-5555-555555555555", "İSMAİL ÁLVAREZ ΟΔΥΣΣΕΥΣ");
        insert(jdbc, "66666666-6666-6666-6666-666666666666", null);

        ServiceMigrations.flyway(vendor).dataSource(db).load().migrate();

        assertThat(jdbc.queryForObject("SELECT patient_name_key FROM cases WHERE id = ?", String.class,
                "55555555-5555-5555-5555-555555555555")).isEqualTo("i̇smai̇l álvarez οδυσσευς");
        assertThat(jdbc.queryForObject("SELECT patient_name_key FROM cases WHERE id = ?", String.class,
                "66666666-6666-6666-6666-666666666666")).isNull();
    }

    private static void insert(JdbcTemplate jdbc, String id, String name) {
        jdbc.update("INSERT INTO cases (id, clinic_id, created_by, updated_by, status, complete, version, created_at, "
                + "updated_at, data, patient_name) VALUES (?, 'north', 'north.billing', 'north.billing', 'DRAFT', FALSE, "
                + "0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?)", id, Samples.text("01-complete-esketamine"), name);
    }
}
