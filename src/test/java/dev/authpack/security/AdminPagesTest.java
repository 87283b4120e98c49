package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The administrator's pages over real HTTP: users (create, reset) and the audit log. */
@SharedServiceTest
class AdminPagesTest {

    static final String NEW_PASSWORD = "a-sturdy-passphrase-42";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /**
     * The audit filter is a GET form: what is typed travels in the address, and past the 8 KB request line
     * Tomcat answered with a bare "HTTP Status 400" page of its own (the session 22 random walker pasted a
     * long name into "User"). The inputs cap what can be typed; filled to their caps with 3-byte characters,
     * the filter still answers with the service's page.
     */
    @Test
    void theAuditFiltersCapWhatIsTypedWithinWhatTheAddressCarries() {
        FormClient admin = signedIn("admin");
        String page = admin.get("/admin/audit").body();
        int user = maxLength(page, "f-user");
        int kase = maxLength(page, "f-case");
        assertThat(user).isEqualTo(100);
        assertThat(kase).isEqualTo(36);

        String wide = "%E2%82%AC"; // the euro sign, three bytes
        HttpResponse<String> filtered = admin.get("/admin/audit?user=" + wide.repeat(user) + "&case=" + wide.repeat(kase)
                + "&action=&from=&to=");

        assertThat(filtered.body()).contains("| Authpack</title>").doesNotContain("HTTP Status");
    }

    private static int maxLength(String page, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<input[^>]*id=\"" + id + "\"[^>]*>").matcher(page);
        assertThat(m.find()).as(id).isTrue();
        java.util.regex.Matcher len = java.util.regex.Pattern.compile("maxlength=\"(\\d+)\"").matcher(m.group());
        assertThat(len.find()).as(id + " has a maxlength").isTrue();
        return Integer.parseInt(len.group(1));
    }

    @Test
    void anAdministratorCreatesAUserWhoCanThenSignIn() {
        FormClient admin = signedIn("admin");
        String name = "new.biller." + System.nanoTime() % 100000;

        HttpResponse<String> created = admin.submit("/admin/users", "/admin/users",
                "username", name, "role", "BILLING", "clinicId", "south", "password", NEW_PASSWORD);

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users").body()).contains(name);
        assertThat(api(name, NEW_PASSWORD)).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'USER_CREATED' "
                + "and target_user = ? and username = 'admin'", Long.class, name)).isEqualTo(1);
    }

    @Test
    void theUsersPageNamesClinicsAndStillPostsTheirIds() {
        String page = signedIn("admin").get("/admin/users").body();

        // the table says which clinic a user is in by name, the lists by name and id
        assertThat(page).contains("<td>North Clinic</td>", "<option value=\"south\">South Clinic (south)</option>");
    }

    @Test
    void passwordRulesAreEnforcedAndShownOnThePage() {
        FormClient admin = signedIn("admin");

        HttpResponse<String> shortOne = admin.submit("/admin/users", "/admin/users",
                "username", "short.pw.user", "role", "CLINIC", "clinicId", "north", "password", "tooshort");
        HttpResponse<String> withName = admin.submit("/admin/users", "/admin/users",
                "username", "named.pw.user", "role", "CLINIC", "clinicId", "north",
                        "password", "my-named.pw.user-pass");

        assertThat(shortOne.statusCode()).isEqualTo(200);
        assertThat(shortOne.body()).contains("at least 12 characters");
        assertThat(withName.body()).contains("must not contain the user name");
        assertThat(jdbc.queryForObject("select count(*) from users where username in ('short.pw.user', 'named.pw.user')",
                Long.class)).isZero();
    }

    /** A refused input is marked and names its own line of the problem list, so a screen reader says it on the input. */
    @Test
    void eachRefusedInputOfTheUsersPagePointsAtItsProblem() {
        FormClient admin = signedIn("admin");

        String created = admin.submit("/admin/users", "/admin/users", "username", "north.billing", "role", "CLINIC",
                "clinicId", "north", "password", "tooshort").body();
        String reset = admin.submit("/admin/users", "/admin/users/north.clinic/password", "password", "tooshort").body();

        assertThat(describedLines(created, "new-username")).singleElement().asString().contains("is taken");
        assertThat(describedLines(created, "new-password")).isNotEmpty().allSatisfy(line ->
                assertThat(line).startsWith("Password "));
        assertThat(describedLines(created, "new-password")).anySatisfy(line ->
                assertThat(line).contains("at least 12 characters"));
        assertThat(tag(created, "new-role")).doesNotContain("aria-invalid", "aria-describedby");
        assertThat(describedLines(reset, "pw-north.clinic")).singleElement().asString().contains("at least 12 characters");
        assertThat(tag(reset, "pw-north.billing")).as("another row's input").doesNotContain("aria-invalid");
    }

    @Test
    void aClinicUserWithNoClinicChosenIsAskedToChooseOneAndAnUnknownClinicIsNamedAsSuch() {
        FormClient admin = signedIn("admin");

        HttpResponse<String> none = admin.submit("/admin/users", "/admin/users",
                "username", "no.clinic.user", "role", "CLINIC", "clinicId", "", "password", NEW_PASSWORD);
        HttpResponse<String> unknown = admin.submit("/admin/users", "/admin/users",
                "username", "odd.clinic.user", "role", "CLINIC", "clinicId", "nowhere", "password", NEW_PASSWORD);

        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).contains("Choose a clinic for a clinic user").doesNotContain("must name an existing clinic");
        assertThat(unknown.body()).contains("Clinic must name an existing clinic");
        assertThat(jdbc.queryForObject("select count(*) from users where username in ('no.clinic.user', 'odd.clinic.user')",
                Long.class)).isZero();
    }

    @Test
    void anAdministratorResetsAPasswordAndTheOldOneStopsWorking() {
        FormClient admin = signedIn("admin");
        String name = "reset.me." + System.nanoTime() % 100000;
        admin.submit("/admin/users", "/admin/users",
                "username", name, "role", "CLINIC", "clinicId", "north", "password", NEW_PASSWORD);

        HttpResponse<String> reset = admin.submit("/admin/users", "/admin/users/" + name + "/password",
                "password", "another-long-secret-9");

        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(api(name, NEW_PASSWORD)).isEqualTo(401);
        assertThat(api(name, "another-long-secret-9")).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsReachThePages() {
        for (String path : new String[] {"/admin/users", "/admin/audit"}) {
            assertThat(signedIn("north.billing").get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(signedIn("north.clinic").get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(new FormClient(port).get(path).statusCode()).as(path).isEqualTo(302);
            assertThat(signedIn("admin").get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    /** The "Not allowed" page's way back leads to a page the user may open: for an administrator not the case list. */
    @Test
    void theNotAllowedPageLeadsBackToTheUsersOwnStartPage() {
        FormClient admin = signedIn("admin");
        FormClient billing = signedIn("north.billing");

        String adminBack = wayBack(admin, "/cases");
        String billingBack = wayBack(billing, "/admin/users");

        assertThat(landing(admin, adminBack)).isEqualTo("/admin/users");
        assertThat(landing(billing, billingBack)).isEqualTo("/worklist");
    }

    /** Opens a page the user may not see, as a browser does (asking for HTML), and returns where its way back leads. */
    private String wayBack(FormClient user, String forbidden) {
        HttpResponse<String> denied;
        try {
            denied = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + forbidden))
                    .header("Accept", "text/html").header("Cookie", "JSESSIONID=" + user.sessionId()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(denied.statusCode()).as(forbidden).isEqualTo(403);
        java.util.regex.Matcher back = java.util.regex.Pattern.compile("<a id=\"error-back\" href=\"([^\"]+)\">([^<]+)</a>")
                .matcher(denied.body());
        assertThat(back.find()).as("a way back on the 403 page").isTrue();
        assertThat(back.group(2)).isEqualTo("Back to your start page");
        return back.group(1);
    }

    /** Follows redirects from {@code path} as a browser would and returns the page it lands on, which must open. */
    private static String landing(FormClient user, String path) {
        String at = path;
        HttpResponse<String> r = user.get(at);
        for (int hops = 0; r.statusCode() == 302 && hops < 5; hops++) {
            at = URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
            r = user.get(at);
        }
        assertThat(r.statusCode()).as("landed on %s", at).isEqualTo(200);
        return at;
    }

    /** The preview button sends "true"; another value comes back to the policies page naming it, nothing previewed or stored. */
    @Test
    void aPreviewValueThatIsNotTrueOrFalseComesBackToThePoliciesPageNamingIt() {
        FormClient admin = signedIn("admin");
        admin.get("/admin/policies");

        HttpResponse<String> tampered = admin.post("/admin/policies", "yaml", "id: tampered-preview", "preview", "maybe");

        assertThat(tampered.statusCode()).as(tampered.body()).isEqualTo(302);
        assertThat(tampered.headers().firstValue("Location").orElseThrow()).endsWith("/admin/policies");
        assertThat(admin.get("/admin/policies").body()).contains("id=\"unread-value\"",
                "Nothing was done: the button “Preview what it changes” must be true or false")
                .doesNotContain("id=\"policy-preview\"", "tampered-preview", "Something went wrong");
    }

    /**
     * A file sent where an administration form has a text field (a script, an edited page) is the sender's mistake:
     * the service's 400 page, nothing created. Spring answers an unconvertible value 500 ("the server's fault"), and
     * these pages, below the web package, are not page controllers whose handler says otherwise.
     */
    @Test
    void aFileSentForATextFieldOfAnAdministrationFormIsRefusedAsTheSendersMistakeNotA500() {
        FormClient admin = signedIn("admin");
        byte[] text = "filed".getBytes(StandardCharsets.UTF_8);

        admin.get("/admin/users");
        HttpResponse<String> user = admin.postMultipart("/admin/users", java.util.Map.of("displayName", "Filed User",
                "role", "BILLING", "clinicId", "north", "password", NEW_PASSWORD), "username", "username.txt", text);
        admin.get("/admin/clinics");
        HttpResponse<String> clinic = admin.postMultipart("/admin/clinics", java.util.Map.of("id", "filed"), "name",
                "name.txt", text);

        for (HttpResponse<String> answer : java.util.List.of(user, clinic)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("| Authpack</title>").doesNotContain("Exception", "Multipart");
        }
        assertThat(jdbc.queryForObject("select count(*) from clinics where id = 'filed'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from users where display_name = 'Filed User'", Integer.class))
                .isZero();
    }

    /**
     * A multipart body that does not parse (no boundary: a script, not a browser) sent to the administration's forms
     * and the audit log's filters was answered 500 with a problem in JSON and a stack trace in the log: Spring reads
     * the body for the first parameter and these controllers have no page advice. It is the sender's 400 page.
     */
    @Test
    void anUnreadableMultipartBodySentToAnAdministrationPageIsRefusedAsTheSendersMistakeNotA500() {
        FormClient admin = signedIn("admin");
        admin.get("/admin/users");
        byte[] body = "displayName=Unread".getBytes(StandardCharsets.UTF_8);

        for (String[] request : new String[][] {{"POST", "/admin/users"}, {"POST", "/admin/clinics"},
                {"POST", "/admin/users/north.clinic/name"}, {"GET", "/admin/audit"}, {"GET", "/admin/audit.csv"}}) {
            HttpResponse<String> answer = admin.sendRaw(request[0], request[1], "multipart/form-data", body);
            assertThat(answer.statusCode()).as(request[0] + " " + request[1] + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("| Authpack</title>").doesNotContain("Exception", "Multipart");
        }
        assertThat(jdbc.queryForObject("select count(*) from users where display_name = 'Unread'", Integer.class))
                .isZero();
    }

    @Test
    void theAuditPageShowsHostileUserNamesAsText() {
        String hostile = "<script>alert(1)</script>";
        new ApiClient(port).get("/api/v1/cases", hostile);
        assertThat(new FormClient(port).trySignIn(hostile, "whatever").statusCode()).isEqualTo(302);
        // no account has such a name, so sign-in failures no longer record it (issue #16); a row written
        // before that change, or by a future bug, must still show as text
        jdbc.update("insert into audit_events (occurred_at, username, action, outcome) values (?, ?, 'API_LOGIN', "
                + "'BAD_CREDENTIALS')", java.sql.Timestamp.from(java.time.Instant.now()), hostile);

        String page = signedIn("admin").get("/admin/audit?user=" + java.net.URLEncoder.encode(hostile,
                StandardCharsets.UTF_8)).body();

        assertThat(page).doesNotContain(hostile).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page).contains("signed in to the API", "wrong password", "1 events");
    }

    @Test
    void theAuditPageFiltersAndNamesBadDates() {
        FormClient admin = signedIn("admin");

        String page = admin.get("/admin/audit?action=LOGIN&from=not-a-date").body();

        assertThat(page).contains("from");
        assertThat(admin.get("/admin/audit?action=LOGIN").body()).contains("LOGIN", "admin");
    }

    /** The opening tag of the input or select with this id. */
    private static String tag(String page, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(input|select)\\b[^>]*\\bid=\"" + id.replace(".", "\\.")
                + "\"[^>]*>").matcher(page);
        assertThat(m.find()).as("input %s", id).isTrue();
        return m.group();
    }

    /** The input is marked invalid, and the texts of the elements its aria-describedby names. */
    private static java.util.List<String> describedLines(String page, String id) {
        String input = tag(page, id);
        assertThat(input).as(id).contains("aria-invalid=\"true\"");
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("aria-describedby=\"([^\"]+)\"").matcher(input);
        assertThat(ids.find()).as("%s names its problem", id).isTrue();
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String described : ids.group(1).split(" ")) {
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("id=\"" + described + "\">([^<]*)<").matcher(page);
            assertThat(line.find()).as("an element with id %s", described).isTrue();
            lines.add(line.group(1));
        }
        return lines;
    }

    private FormClient signedIn(String user) {
        FormClient b = new FormClient(port);
        assertThat(b.trySignIn(user, "demo-pass-2026").statusCode()).isEqualTo(302);
        return b;
    }

    private int api(String user, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/policies"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
