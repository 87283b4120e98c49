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
 * An administrator corrects the name an account's person goes by, on the page and over the API: the
 * change is confirmed, audited, shown by the audit log on the person's entries; a name too long is
 * refused naming the field and the old name stays; the user name never changes.
 */
@SharedServiceTest
class UserRenameTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration admin;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdministratorCorrectsANameOnThePageAndTheAuditLogShowsIt() {
        String user = TestUsers.billing(admin, "rename.page");
        admin.rename(user, "Jon Smiht");
        new ApiClient(port).get("/api/v1/cases", user, TestUsers.PASSWORD); // an entry of theirs in the trail
        FormClient page = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        assertThat(page.get("/admin/users").body()).contains("value=\"Jon Smiht\"");

        HttpResponse<String> renamed = page.post("/admin/users/" + user + "/name", "displayName", "  Jon Smith ");

        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(page.get("/admin/users").body())
                .contains("The name of " + user + " was changed", "value=\"Jon Smith\"");
        assertThat(displayName(user)).isEqualTo("Jon Smith");
        assertThat(audited(user)).isEqualTo(2);
        assertThat(page.get("/admin/audit?user=" + user).body()).contains("Jon Smith (" + user + ")")
                .doesNotContain("Jon Smiht");
    }

    @Test
    void aNameTooLongIsRefusedNamingTheFieldAndTheOldNameStays() {
        String user = TestUsers.billing(admin, "rename.long");
        admin.rename(user, "Ann Lee");
        FormClient page = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        page.get("/admin/users");

        String refused = page.post("/admin/users/" + user + "/name", "displayName", "x".repeat(201)).body();

        assertThat(refused).contains("must be at most 200 characters");
        assertThat(displayName(user)).isEqualTo("Ann Lee");
        assertThat(audited(user)).isEqualTo(1);
    }

    @Test
    void theApiRenamesForAdministratorsOnlyAndAnEmptyNameClearsIt() {
        String user = TestUsers.billing(admin, "rename.api");
        ApiClient api = new ApiClient(port);
        String path = "/api/v1/users/" + user + "/display-name";

        assertThat(api.put(path, "north.billing", "{\"displayName\":\"Mallory\"}").status()).isEqualTo(403);
        ApiClient.Response named = api.put(path, "admin", "{\"displayName\":\"Dana Cruz\"}");
        assertThat(named.status()).as(named.text()).isEqualTo(200);
        assertThat(named.json().get("displayName").asString()).isEqualTo("Dana Cruz");
        assertThat(named.json().get("username").asString()).isEqualTo(user);

        ApiClient.Response tooLong = api.put(path, "admin", "{\"displayName\":\"" + "y".repeat(201) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("displayName");
        assertThat(displayName(user)).isEqualTo("Dana Cruz");

        ApiClient.Response cleared = api.put(path, "admin", "{\"displayName\":\"\"}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(displayName(user)).isNull();
        assertThat(audited(user)).isEqualTo(2);
        assertThat(api.put("/api/v1/users/nobody.here/display-name", "admin", "{\"displayName\":\"X\"}").status())
                .isEqualTo(404);
    }

    /** A +json type is JSON to the contract ("application/json, application/*+json"), here as for every JSON body. */
    @Test
    void aDisplayNameSentAsAPlusJsonTypeIsReadAsJson() {
        String user = TestUsers.billing(admin, "rename.plusjson");

        ApiClient.Response named = new ApiClient(port).put("/api/v1/users/" + user + "/display-name", "admin",
                "{\"displayName\":\"Dana Cruz\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/vnd.example+json");

        assertThat(named.status()).as(named.text()).isEqualTo(200);
        assertThat(displayName(user)).isEqualTo("Dana Cruz");
    }

    /** Pasted decomposed (macOS, some EHRs), a name is kept as typed composed, as case text is: one way to find it. */
    @Test
    void aNamePastedDecomposedIsKeptComposedOnCreateAndRename() {
        String user = TestUsers.billing(admin, "rename.nfc");
        ApiClient api = new ApiClient(port);

        ApiClient.Response named = api.put("/api/v1/users/" + user + "/display-name", "admin",
                "{\"displayName\":\"Zoe\\u0308 Ame\\u0301lie\"}");
        FormClient page = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        page.get("/admin/users");
        page.post("/admin/users", "username", user + ".2", "displayName", "Rene\u0301", "role", "BILLING",
                "clinicId", "north", "password", "a-long-enough-pass-2026");

        assertThat(named.status()).as(named.text()).isEqualTo(200);
        assertThat(named.json().get("displayName").asString()).isEqualTo("Zo\u00EB Am\u00E9lie");
        assertThat(displayName(user)).isEqualTo("Zo\u00EB Am\u00E9lie");
        assertThat(displayName(user + ".2")).isEqualTo("Ren\u00E9");
    }

    @Test
    void aBodyThatIsNotExactlyOneDisplayNameIsRefusedNamingTheMemberAndTheNameStays() {
        String user = TestUsers.billing(admin, "rename.strict");
        ApiClient api = new ApiClient(port);
        String path = "/api/v1/users/" + user + "/display-name";
        assertThat(api.put(path, "admin", "{\"displayName\":\"Kept Name\"}").status()).isEqualTo(200);

        for (String[] body : new String[][] {
                {"{}", "displayName"},
                {"{\"displayName\":5}", "displayName"},
                {"{\"displayName\":\"A\",\"bogus\":1}", "bogus"},
                {"{\"displayName\":\"A\",\"displayName\":\"B\"}", "displayName"},
                {"[\"A\"]", "displayName"}}) {
            ApiClient.Response r = api.put(path, "admin", body[0]);
            assertThat(r.status()).as(body[0]).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).as(body[0]).isEqualTo(body[1]);
        }
        ApiClient.Response broken = api.put(path, "admin", "{\"displayName\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().has("errors")).isTrue();
        ApiClient.Response huge = api.put(path, "admin", "{\"displayName\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(displayName(user)).isEqualTo("Kept Name");
    }

    /** The name is shown on the users page and in the audit log and its CSV: what the clinic name and case fields refuse, it refuses. */
    @Test
    void aNameWithCharactersNobodyTypesIsRefusedOnTheApiAndThePageAndTheOldNameStays() {
        String user = TestUsers.billing(admin, "rename.typed");
        admin.rename(user, "Kept Name");
        ApiClient api = new ApiClient(port);
        String path = "/api/v1/users/" + user + "/display-name";

        for (String escaped : new String[] {"=cmd|\\u0000\\u202eevil", "Ann\\u001b[2JLee", "Ann \\u2067Lee",
                "Ann\\uFFFF", "Ann \\ud800Lee", "Ann\\tLee"}) {
            ApiClient.Response r = api.put(path, "admin", "{\"displayName\":\"" + escaped + "\"}");
            assertThat(r.status()).as(escaped).isEqualTo(400);
            assertThat(r.contentType()).as(escaped).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asString()).as(escaped).isEqualTo("displayName");
        }
        FormClient page = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        page.get("/admin/users");
        String refused = page.post("/admin/users/" + user + "/name", "displayName", "Eve\u202Elin").body();
        String created = page.post("/admin/users", "username", user + ".2", "displayName", "Bob\u0000",
                "role", "BILLING", "clinicId", "north", "password", "a-long-enough-pass-2026").body();

        assertThat(refused).contains("contains a control or invalid character");
        assertThat(created).contains("contains a control or invalid character");
        assertThat(displayName(user)).isEqualTo("Kept Name");
        assertThat(jdbc.queryForObject("select count(*) from users where username = ?", Integer.class, user + ".2"))
                .isZero();
        assertThat(audited(user)).isEqualTo(1);
        // what a person types stays allowed: accents, other scripts, an apostrophe
        assertThat(api.put(path, "admin", "{\"displayName\":\"Zo\u00eb O'Brien \u674e\"}").status()).isEqualTo(200);
    }

    private String displayName(String user) {
        return jdbc.queryForObject("select display_name from users where username = ?", String.class, user);
    }

    private int audited(String target) {
        return jdbc.queryForObject("select count(*) from audit_events where action = 'USER_RENAMED' and target_user = ? "
                + "and outcome = 'OK'", Integer.class, target);
    }
}
