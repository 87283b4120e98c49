package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator unlocks an account locked by failed sign-ins and changes roles, on the page and
 * over the API: each is audited and confirmed in words; nobody removes their own administrator role.
 */
@SharedServiceTest
class UserUnlockAndRoleTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration admin;
    @Autowired
    LockoutProperties lockout;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLockedAccountIsUnlockedFromThePageAndSignsInAtOnce() {
        String user = TestUsers.billing(admin, "unlock.page");
        lock(user);
        assertThat(call(user, TestUsers.PASSWORD)).as("locked").isEqualTo(401);
        FormClient page = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        String before = page.get("/admin/users").body();
        assertThat(before).contains("/admin/users/" + user + "/unlock", "locked after failed sign-ins");

        HttpResponse<String> unlocked = page.post("/admin/users/" + user + "/unlock");

        assertThat(unlocked.statusCode()).isEqualTo(302);
        assertThat(page.get("/admin/users").body())
                .contains("User " + user + " was unlocked: it can sign in again now, with its current password.")
                .doesNotContain("/admin/users/" + user + "/unlock");
        assertThat(call(user, TestUsers.PASSWORD)).as("unlocked, same password").isEqualTo(200);
        assertThat(audited("USER_UNLOCKED", user)).isEqualTo(1);
    }

    @Test
    void theApiUnlocksForAdministratorsOnly() {
        String user = TestUsers.billing(admin, "unlock.api");
        lock(user);
        ApiClient api = new ApiClient(port);

        assertThat(api.post("/api/v1/users/" + user + "/unlock", "north.billing", new byte[0], null).status())
                .isEqualTo(403);
        ApiClient.Response r = api.post("/api/v1/users/" + user + "/unlock", "admin", new byte[0], null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("locked").asBoolean()).isFalse();
        assertThat(call(user, TestUsers.PASSWORD)).isEqualTo(200);
        assertThat(audited("USER_UNLOCKED", user)).isEqualTo(1);
        assertThat(api.post("/api/v1/users/nobody.here/unlock", "admin", new byte[0], null).status()).isEqualTo(404);
    }

    @Test
    void aRoleChangeIsConfirmedInWordsAuditedAndTakesEffect() {
        String user = "role.change." + System.nanoTime() % 1_000_000;
        admin.create(user, Role.CLINIC, "north", TestUsers.PASSWORD);
        FormClient page = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        page.get("/admin/users");

        HttpResponse<String> changed = page.post("/admin/users/" + user + "/access", "role", "BILLING", "clinicId",
                "north");

        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(page.get("/admin/users").body()).contains("User " + user
                + " is now Billing clerk at clinic north. Its open sessions have ended");
        assertThat(jdbc.queryForObject("select role from users where username = ?", String.class, user))
                .isEqualTo("BILLING");
        assertThat(audited("ACCESS_CHANGED", user)).isEqualTo(1);
    }

    /**
     * A role the page does not offer (a crafted or stale form posting role=SUPERUSER) was answered "Role is
     * required", which sends the administrator looking for an empty field; creating and changing an account
     * now say the role is unknown and name the roles there are. Nothing is created or changed.
     */
    @Test
    void anUnknownRoleIsNamedAsUnknownListingTheRolesNotAsRequired() {
        String user = "role.unknown." + System.nanoTime() % 1_000_000;
        admin.create(user, Role.CLINIC, "north", TestUsers.PASSWORD);
        FormClient page = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        page.get("/admin/users");

        String created = page.post("/admin/users", "username", user + ".new", "role", "SUPERUSER", "clinicId", "north",
                "password", TestUsers.PASSWORD).body();
        page.get("/admin/users");
        String changed = page.post("/admin/users/" + user + "/access", "role", "SUPERUSER", "clinicId", "north").body();
        page.get("/admin/users");
        String empty = page.post("/admin/users/" + user + "/access", "role", "", "clinicId", "north").body();

        assertThat(created).contains("Role is not one of the known roles: BILLING, CLINIC, ADMIN")
                .doesNotContain("Role is required");
        assertThat(changed).contains("Role is not one of the known roles: BILLING, CLINIC, ADMIN")
                .doesNotContain("Role is required");
        assertThat(empty).as("no role chosen is still asked for").contains("Role is required");
        assertThat(jdbc.queryForObject("select count(*) from users where username = ?", Integer.class, user + ".new"))
                .isZero();
        assertThat(jdbc.queryForObject("select role from users where username = ?", String.class, user))
                .isEqualTo("CLINIC");
    }

    @Test
    void anAdministratorCannotDemoteOrDisableThemselves() {
        String self = "self.admin." + System.nanoTime() % 1_000_000;
        admin.create(self, Role.ADMIN, null, TestUsers.PASSWORD);
        FormClient page = new FormClient(port).signIn(self, TestUsers.PASSWORD);
        page.get("/admin/users");

        String demoted = page.post("/admin/users/" + self + "/access", "role", "CLINIC", "clinicId", "north").body();
        page.get("/admin/users");
        String disabled = page.post("/admin/users/" + self + "/disable").body();

        assertThat(demoted).contains("cannot be taken from your own account");
        assertThat(disabled).contains("is your own account");
        assertThat(jdbc.queryForObject("select role || ' ' || enabled from users where username = ?", String.class, self))
                .isEqualToIgnoringCase("ADMIN true");
        assertThat(audited("ACCESS_CHANGED", self) + audited("USER_DISABLED", self)).isZero();
    }

    private void lock(String user) {
        for (int i = 0; i < lockout.maxAttempts(); i++) {
            call(user, "wrong-password-" + i);
        }
    }

    private int call(String user, String password) {
        return new ApiClient(port).get("/api/v1/cases", user, password).status();
    }

    private int audited(String action, String target) {
        return jdbc.queryForObject("select count(*) from audit_events where action = ? and target_user = ? "
                + "and outcome = 'OK'", Integer.class, action, target);
    }
}
