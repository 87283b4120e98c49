package dev.authpack.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.content.TemplatesProperties;
import dev.authpack.support.ServiceMigrations;
import java.nio.file.Path;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A started instance uses the policy versions stored in the database: those stored before it started
 * (a restart), and those another instance stores while it runs. Each test starts a catalog on a
 * database of its own, as a freshly started instance would, so no earlier upload has warmed it.
 */
class StoredUploadsTest {

    private static final TemplatesProperties SHIPPED = new TemplatesProperties(Path.of("templates"));

    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ServiceMigrations.flyway("h2").dataSource(db).load().migrate();
        jdbc = new JdbcTemplate(db);
    }

    @Test
    void aVersionStoredBeforeStartIsInUseFromTheFirstQuestion() {
        store("stored-before", "3");

        PolicyCatalog catalog = startedCatalog();

        assertThat(catalog.find("stored-before")).hasValueSatisfying(p -> assertThat(p.version()).isEqualTo("3"));
    }

    @Test
    void aVersionAnotherInstanceStoresIsInUseWithinSeconds() throws InterruptedException {
        PolicyCatalog catalog = startedCatalog();
        assertThat(catalog.find("stored-later")).isEmpty();

        store("stored-later", "4");

        boolean seen = false;
        for (int i = 0; i < 30 && !seen; i++) {
            Thread.sleep(100);
            seen = catalog.find("stored-later").isPresent();
        }
        assertThat(seen).as("seen within 3 s").isTrue();
    }

    /**
     * Names were cut at 200 characters from session 34 on; a version stored before with a longer one was dropped
     * at the next start ("no longer loads", in the log only) and the cases naming it judged as naming no policy.
     */
    @Test
    void aVersionStoredBeforeTheNameLimitWithALongerNameIsStillInUseAfterARestart() {
        store("stored-long-name", "1", "Stored " + "n".repeat(243));

        PolicyCatalog catalog = startedCatalog();

        assertThat(catalog.find("stored-long-name")).hasValueSatisfying(p -> assertThat(p.name()).hasSize(250));
    }

    private PolicyCatalog startedCatalog() {
        return new PolicyCatalog(SHIPPED, new DiagnosisCodes(SHIPPED), null, new PolicyUploads(jdbc));
    }

    private void store(String id, String version) {
        store(id, version, "Stored");
    }

    private void store(String id, String version, String name) {
        String yaml = "id: " + id + "\nversion: \"" + version + "\"\neffectiveFrom: 2026-02-01\nname: " + name + "\n"
                + "source: test\ntreatments: [ESKETAMINE]\ncriteria: {}\n";
        jdbc.update("INSERT INTO policy_uploads (policy_id, version, effective_from, yaml, sha256, uploaded_by, uploaded_at) "
                + "VALUES (?, ?, DATE '2026-02-01', ?, 'x', 'admin', CURRENT_TIMESTAMP)", id, version, yaml);
    }
}
