package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator's path on a database without clinics, over real HTTP: the administrator adds a
 * clinic on the clinics page, the users page then offers it, and a billing user created in it
 * signs in and works in it. Refusals name the field and keep what was typed.
 */
@SharedServiceTest
class ClinicAdminPageTest {

    private static final String PASSWORD = "a-sturdy-passphrase-42";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdministratorAddsAClinicOnThePageAndThenABillingUserInIt() {
        FormClient admin = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        String id = freshId("lakeside");
        assertThat(admin.get("/admin/users").body()).doesNotContain("value=\"" + id + "\"")
                .contains("href=\"/admin/clinics\"");

        HttpResponse<String> added = admin.submit("/admin/clinics", "/admin/clinics", "id", id, "name", "Lakeside Clinic");

        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/clinics").body())
                .contains("Clinic " + id + " (Lakeside Clinic) was added", "value=\"Lakeside Clinic\"");
        assertThat(admin.get("/admin/users").body()).contains("<option value=\"" + id + "\">Lakeside Clinic (" + id + ")</option>");

        String user = "lake.biller." + SEQ.incrementAndGet() + "." + System.nanoTime() % 100000;
        HttpResponse<String> created = admin.submit("/admin/users", "/admin/users",
                "username", user, "role", "BILLING", "clinicId", id, "password", PASSWORD);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select clinic_id from users where username = ?", String.class, user)).isEqualTo(id);
        assertThat(new ApiClient(port).get("/api/v1/cases", user, PASSWORD).status()).isEqualTo(200);
        assertThat(admin.get("/admin/clinics").body()).contains("<td>1</td>");
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'CLINIC_CREATED' "
                + "and username = 'admin' and detail = ?", Integer.class, "clinic " + id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'USER_CREATED' "
                + "and target_user = ? and grants_access_to = ?", Integer.class, user, id)).isEqualTo(1);
    }

    @Test
    void aRefusedClinicNamesTheFieldAndKeepsWhatWasTyped() {
        FormClient admin = new FormClient(port).signIn("admin", ApiClient.PASSWORD);

        String badId = admin.submit("/admin/clinics", "/admin/clinics", "id", "North Side", "name", "North Side Clinic").body();
        String taken = admin.submit("/admin/clinics", "/admin/clinics", "id", "north", "name", "Second North").body();
        String noName = admin.submit("/admin/clinics", "/admin/clinics", "id", "no-name-yet", "name", " ").body();

        assertThat(badId).contains("Clinic id must be 2 to 40 characters", "value=\"North Side\"",
                "value=\"North Side Clinic\"");
        assertThat(taken).contains("Clinic id north is taken", "value=\"Second North\"");
        assertThat(noName).contains("Clinic name is required", "value=\"no-name-yet\"");
        assertThat(jdbc.queryForObject("select count(*) from clinics where id in ('no-name-yet') or name = 'Second North'",
                Integer.class)).isZero();
    }

    @Test
    void anAdministratorRenamesAClinicAndABadNameIsRefusedInItsRow() {
        FormClient admin = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        String id = freshId("hill");
        admin.submit("/admin/clinics", "/admin/clinics", "id", id, "name", "Hill Clinc");

        HttpResponse<String> renamed = admin.post("/admin/clinics/" + id + "/name", "name", "Hill Clinic");
        String refused = admin.post("/admin/clinics/" + id + "/name", "name", "h".repeat(201)).body();

        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(refused).contains("Clinic name must be at most 200 characters", "value=\"" + "h".repeat(201) + "\"");
        assertThat(jdbc.queryForObject("select name from clinics where id = ?", String.class, id)).isEqualTo("Hill Clinic");
        assertThat(admin.post("/admin/clinics/nowhere-clinic/name", "name", "X").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsReachTheClinicsPage() {
        assertThat(new FormClient(port).signIn("north.billing", ApiClient.PASSWORD).get("/admin/clinics").statusCode())
                .isEqualTo(403);
        assertThat(new FormClient(port).get("/admin/clinics").statusCode()).isEqualTo(302);
    }

    private static String freshId(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
    }
}
