package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Forms that post to a path of their own rather than to their page's (the import, the lists' searches, the
 * administration's forms), sent from a page older than the sign-in: the page was open in a tab while the user signed
 * out and in again in another. Nothing is done, and the user lands where the notice is true: back on the form's page,
 * saying nothing was imported, searched or saved. They were sent to "/", which redirected to the start page and
 * dropped the flag: not a word, as if the file had been imported. Sent while signed out (the session ended, or the
 * user signed out in another tab), they go through sign-in and then land the same way for the user who signed in.
 */
@SharedServiceTest
class FormsPostedOffTheirPageTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anImportFromAPageOlderThanTheSignInGoesBackToTheImportPageSayingNothingWasImported() {
        FormClient clerk = new FormClient(port);
        String old = tokenOfAPageOlderThanTheSignIn(clerk, "north.billing", "/cases/import");

        String back = landing(clerk.postWithToken(old, "/cases/import"));

        assertThat(back).isEqualTo("/cases/import?resubmit");
        assertThat(clerk.get(back).body()).contains("id=\"resubmit-notice\"", "Nothing was imported: this page was"
                + " older than your sign-in. Choose the file again and import it.").doesNotContain("case form");
    }

    @Test
    void aSearchFromAListOlderThanTheSignInGoesBackToThatListSayingNothingWasSearched() {
        FormClient clerk = new FormClient(port);
        String old = tokenOfAPageOlderThanTheSignIn(clerk, "north.billing", "/cases");

        for (String list : new String[] {"/cases", "/documents"}) {
            String back = landing(clerk.postWithToken(old, list + "/search", "q", "Oldtabname"));

            assertThat(back).isEqualTo(list + "?resubmit");
            assertThat(clerk.get(back).body()).as(list).contains("id=\"resubmit-notice\"", "Nothing was searched: this"
                    + " page was older than your sign-in. Type what you look for again and search.")
                    .doesNotContain("case form", "Oldtabname");
        }
    }

    @Test
    void anAdministrationFormOlderThanTheSignInGoesBackToItsPageSayingNothingWasDone() {
        FormClient admin = new FormClient(port);
        String old = tokenOfAPageOlderThanTheSignIn(admin, "admin", "/admin/users");
        String[][] formsAndPages = {
            {"/admin/users", "/admin/users"}, {"/admin/users/north.clinic/disable", "/admin/users"},
            {"/admin/clinics", "/admin/clinics"}, {"/admin/clinics/north/name", "/admin/clinics"},
            {"/admin/policies", "/admin/policies"}};

        for (String[] formAndPage : formsAndPages) {
            String back = landing(admin.postWithToken(old, formAndPage[0], "username", "stale.tab.user",
                    "displayName", "Stale Tab", "role", "CLINIC", "clinicId", "north", "password", "Long-enough-2026!",
                    "id", "stale-tab", "name", "Stale Tab Clinic"));

            assertThat(back).as(formAndPage[0]).isEqualTo(formAndPage[1] + "?resubmit");
            assertThat(admin.get(back).body()).as(formAndPage[0]).contains("id=\"resubmit-notice\"",
                    "Nothing was saved or done: the form you sent was on a page older than your sign-in.")
                    .doesNotContain("case form");
        }
        assertThat(jdbc.queryForObject("select count(*) from users where username = 'stale.tab.user'",
                Integer.class)).as("nothing created").isZero();
        assertThat(admin.get("/admin/users").body()).doesNotContain("stale.tab.user");
    }

    /** Another user signed in since (an administrator's tab, a clerk now): their start page, not a page they may not open. */
    @Test
    void aFormOfAPageTheUserNowSignedInMayNotOpenLandsOnTheirStartPageSayingNothingWasDone() {
        FormClient browser = new FormClient(port);
        String old = tokenOfAPageOlderThanTheSignIn(browser, "admin", "/admin/users", "north.billing");

        String back = landing(browser.postWithToken(old, "/admin/users", "username", "stale.tab.user"));

        assertThat(back).isEqualTo("/worklist?resubmit");
        assertThat(browser.get(back).body()).contains("id=\"resubmit-notice\"", "Nothing was saved or done: the form"
                + " you sent was on a page older than your sign-in").doesNotContain("case form");
    }

    /**
     * Sent while signed out (the session ended without activity), the same forms go through sign-in and then to their
     * page saying nothing was done. They landed on the start page without a word: the sign-in page had said "Sign in
     * again to go back to where you were".
     */
    @Test
    void anImportSentAfterTheSessionEndedLandsOnTheImportPageAfterSignInSayingNothingWasImported() {
        FormClient clerk = new FormClient(port).signIn("north.billing", ApiClient.PASSWORD);
        String old = FormClient.csrfOf(clerk.get("/cases/import").body());
        endSession(clerk);

        assertThat(landing(clerk.postWithToken(old, "/cases/import"))).isEqualTo("/login?expired");
        String back = landing(clerk.trySignIn("north.billing", ApiClient.PASSWORD));

        assertThat(back).isEqualTo("/cases/import?resubmit");
        assertThat(clerk.get(back).body()).contains("id=\"resubmit-notice\"", "Nothing was imported: this page was"
                + " older than your sign-in. Choose the file again and import it.").doesNotContain("case form");
    }

    @Test
    void aSearchOrAnAdministrationFormSentWhileSignedOutLandsOnItsPageAfterSignInSayingNothingWasDone() {
        String[][] usersFormsAndPages = {
            {"north.billing", "/cases", "/cases/search", "/cases", "Nothing was searched: this page was older"},
            {"north.billing", "/documents", "/documents/search", "/documents", "Nothing was searched: this page was"},
            {"admin", "/admin/users", "/admin/users", "/admin/users", "Nothing was saved or done: the form you sent"},
            {"admin", "/admin/users", "/admin/users/north.clinic/disable", "/admin/users", "Nothing was saved or done"},
            {"admin", "/admin/clinics", "/admin/clinics/north/name", "/admin/clinics", "Nothing was saved or done"},
            {"admin", "/admin/policies", "/admin/policies", "/admin/policies", "Nothing was saved or done"}};

        for (String[] form : usersFormsAndPages) {
            FormClient browser = new FormClient(port).signIn(form[0], ApiClient.PASSWORD);
            String old = FormClient.csrfOf(browser.get(form[1]).body());
            assertThat(browser.post("/logout").statusCode()).isEqualTo(302);

            assertThat(landing(browser.postWithToken(old, form[2], "q", "Oldtabname", "username", "stale.tab.user",
                    "name", "Stale Tab Clinic"))).as(form[2]).isEqualTo("/login?signedOut");
            String back = landing(browser.trySignIn(form[0], ApiClient.PASSWORD));

            assertThat(back).as(form[2]).isEqualTo(form[3] + "?resubmit");
            assertThat(browser.get(back).body()).as(form[2]).contains("id=\"resubmit-notice\"", form[4])
                    .doesNotContain("case form", "Oldtabname");
        }
        assertThat(jdbc.queryForObject("select count(*) from users where username = 'stale.tab.user'",
                Integer.class)).as("nothing created").isZero();
    }

    /** Another user signs in on the sign-in page the form led to: their start page, not a page they may not open. */
    @Test
    void aFormSentWhileSignedOutLandsOnTheStartPageOfAnotherUserWhoSignsInSayingNothingWasDone() {
        String[][] formsAndWhoSignsIn = {
            {"admin", "/admin/users", "/admin/users", "north.billing", "/worklist"},
            {"north.billing", "/cases/import", "/cases/import", "north.clinic", "/worklist"},
            {"north.billing", "/cases", "/cases/search", "admin", "/admin/users"}};

        for (String[] form : formsAndWhoSignsIn) {
            FormClient browser = new FormClient(port).signIn(form[0], ApiClient.PASSWORD);
            String old = FormClient.csrfOf(browser.get(form[1]).body());
            endSession(browser);
            browser.postWithToken(old, form[2], "username", "stale.tab.user");

            String back = landing(browser.trySignIn(form[3], ApiClient.PASSWORD));

            assertThat(back).as(form[2] + " then " + form[3]).isEqualTo(form[4] + "?resubmit");
            assertThat(browser.get(back).body()).as(form[2]).contains("id=\"resubmit-notice\"", "Nothing was saved"
                    + " or done").doesNotContain("case form");
        }
    }

    /**
     * The worklist is billing and clinic staff's start page, where a form lands whose page the user now signed in may
     * not open (clinic staff after billing staff's import or case form). Its notice ended "Open the page again to do
     * it": of a page clinic staff cannot open. It now says to do so only if it is a page they can open, which billing
     * staff landing there from a page of theirs still read.
     */
    @Test
    void clinicStaffLandingOnTheWorklistFromABillingClerksFormAreNotToldToOpenAPageTheyCannotOpen() {
        for (String[] pageAndForm : new String[][] {{"/cases/import", "/cases/import"}, {"/cases/new", "/cases/new"}}) {
            FormClient browser = new FormClient(port);
            String old = tokenOfAPageOlderThanTheSignIn(browser, "north.billing", pageAndForm[0], "north.clinic");

            String back = landing(browser.postWithToken(old, pageAndForm[1], "patient.lastName", "Oldtabname"));

            assertThat(back).isEqualTo("/worklist?resubmit");
            assertThat(browser.get(back).body()).as(pageAndForm[1]).contains("id=\"resubmit-notice\"", "Nothing was"
                    + " saved or done: the form you sent was on a page older than your sign-in, and what you had typed on"
                    + " it was not kept. If it is a page you can open, open it again to do it; if it is not, there is"
                    + " nothing here for you to do.")
                    .doesNotContain("Open the page again", "Oldtabname");
        }
    }

    /** The case form keeps its way: back to the form itself, without the flag, where the browser's draft waits. */
    @Test
    void theCaseFormSentAfterTheSessionEndedStillLandsOnTheFormItselfAfterSignIn() {
        FormClient clerk = new FormClient(port).signIn("north.billing", ApiClient.PASSWORD);
        String old = FormClient.csrfOf(clerk.get("/cases/new").body());
        endSession(clerk);
        clerk.postWithToken(old, "/cases/new", "patient.lastName", "Oldtabname");

        assertThat(landing(clerk.trySignIn("north.billing", ApiClient.PASSWORD))).isEqualTo("/cases/new");
    }

    /** Ends the session as an idle timeout ends it (as Browser.endSession does): its row goes, the cookie stays. */
    private void endSession(FormClient browser) {
        String id = new String(Base64.getDecoder().decode(browser.sessionId()), StandardCharsets.US_ASCII);
        assertThat(jdbc.update("DELETE FROM spring_session WHERE session_id = ?", id)).isEqualTo(1);
    }

    /**
     * The users page is also an administrator's start page, where a form of a page they may not open lands (a clerk's
     * search or case form, the clerk signed in before them): its notice said "this page was older than your
     * sign-in", of a page they had not had open.
     */
    @Test
    void anAdministratorLandingOnTheUsersPageFromAClerksFormIsNotToldThatTheUsersPageWasOld() {
        for (String[] pageAndForm : new String[][] {{"/cases", "/cases/search"}, {"/cases/new", "/cases/new"}}) {
            FormClient browser = new FormClient(port);
            String old = tokenOfAPageOlderThanTheSignIn(browser, "north.billing", pageAndForm[0], "admin");

            String back = landing(browser.postWithToken(old, pageAndForm[1], "q", "Oldtabname"));

            assertThat(back).isEqualTo("/admin/users?resubmit");
            assertThat(browser.get(back).body()).as(pageAndForm[1]).contains("id=\"resubmit-notice\"", "Nothing was"
                    + " saved or done: the form you sent was on a page older than your sign-in. What you had typed or"
                    + " chosen on it was not kept, and this page shows how things stand now; if it was a form of this page, do it"
                    + " again.")
                    .doesNotContain("this page was older", "Oldtabname");
        }
    }

    /**
     * The case form and the clinic profile are billing staff's pages, a case page its clinic's: a user of another role
     * signed in since was sent there and shown "Not allowed", never told that the form was not sent.
     */
    @Test
    void aCaseFormOrClinicProfileOlderThanTheSignInOfAnotherRoleLandsOnThatUsersStartPageNotOnNotAllowed() {
        String caseId = new ApiClient(port).post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine"))
                .json().get("id").asString();
        String[][] pageFormUserLanding = {
            {"/cases/new", "/cases/new", "admin", "/admin/users?resubmit"},
            {"/cases/new", "/cases/new", "north.clinic", "/worklist?resubmit"},
            {"/clinic/profile", "/clinic/profile", "north.clinic", "/worklist?resubmit"},
            {"/clinic/profile", "/clinic/profile", "admin", "/admin/users?resubmit"},
            {"/cases/" + caseId + "/edit", "/cases/" + caseId + "/edit", "north.clinic", "/worklist?resubmit"},
            {"/cases/" + caseId, "/cases/" + caseId + "/copy", "admin", "/admin/users?resubmit"},
            // a case page of their clinic the clinic's staff may open: back to it, as before
            {"/cases/" + caseId, "/cases/" + caseId + "/copy", "north.clinic", "/cases/" + caseId + "?resubmit"}};

        for (String[] row : pageFormUserLanding) {
            FormClient browser = new FormClient(port);
            String old = tokenOfAPageOlderThanTheSignIn(browser, "north.billing", row[0], row[2]);

            String back = landing(browser.postWithToken(old, row[1]));

            assertThat(back).as(row[1] + " as " + row[2]).isEqualTo(row[3]);
            HttpResponse<String> page = browser.get(back);
            assertThat(page.statusCode()).as(back + " as " + row[2]).isEqualTo(200);
            assertThat(page.body()).as(back).contains("id=\"resubmit-notice\"");
        }
    }

    /**
     * Signed out when the form was sent, the form's page waits for the sign-in: signing in then as a user of a role
     * that may not open it (an administrator, clinic staff at billing staff's tab) led to "Not allowed".
     */
    @Test
    void signingInAsAnotherRoleAfterAFormWasSentSignedOutLeadsToTheStartPageNotToNotAllowed() {
        String[][] pageUserLanding = {
            {"/cases/new", "admin", "/admin/users?resubmit"}, {"/clinic/profile", "north.clinic", "/worklist?resubmit"},
            {"/cases/new", "north.billing", "/cases/new"}};

        for (String[] row : pageUserLanding) {
            FormClient browser = new FormClient(port);
            browser.signIn("north.billing", ApiClient.PASSWORD);
            String old = FormClient.csrfOf(browser.get(row[0]).body());
            assertThat(browser.post("/logout").statusCode()).isEqualTo(302);
            assertThat(landing(browser.postWithToken(old, row[0]))).as(row[0]).startsWith("/login?");

            String after = landing(browser.trySignIn(row[1], ApiClient.PASSWORD));

            assertThat(after).as(row[0] + " then " + row[1]).isEqualTo(row[2]);
            HttpResponse<String> page = browser.get(after);
            assertThat(page.statusCode()).as(after).isEqualTo(200);
            if (after.endsWith("?resubmit")) {
                assertThat(page.body()).as(after).contains("id=\"resubmit-notice\"", "Nothing was saved or done");
            }
        }
    }

    private static String tokenOfAPageOlderThanTheSignIn(FormClient browser, String user, String page) {
        return tokenOfAPageOlderThanTheSignIn(browser, user, page, user);
    }

    /** Opens {@code page} signed in as {@code user}, signs out and in again as {@code then}: the page's token is stale. */
    private static String tokenOfAPageOlderThanTheSignIn(FormClient browser, String user, String page, String then) {
        browser.signIn(user, ApiClient.PASSWORD);
        String old = FormClient.csrfOf(browser.get(page).body());
        assertThat(browser.post("/logout").statusCode()).isEqualTo(302);
        browser.signIn(then, ApiClient.PASSWORD);
        return old;
    }

    private static String landing(HttpResponse<String> posted) {
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        URI location = URI.create(posted.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }
}
