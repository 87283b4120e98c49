package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Another change to the case holds its row longer than the database waits (an upload being stored, or a
 * stalled instance): the clerk's write waits, gives up, and nothing is stored. The API says 503 "Busy";
 * the pages said "Something went wrong" (500), and the event form dropped the denial reason the clerk had
 * typed. Each page now says to press again, with what was typed still in its form.
 */
@SharedServiceTest
class PageWriteWhileCaseIsHeldTest {

    private static final LocalDate TODAY = LocalDate.now();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @Test
    void aDenialRecordedWhileTheCaseIsHeldElsewhereComesBackTypedWithBusyNotAServerError() throws Exception {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.caseWithPacket();
        lifecycle.ok(id, LifecycleHttp.submitted(TODAY.minusDays(3)));
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");
        String page = "/cases/" + id;
        clerk.get(page);
        String reason = "Step therapy: two SSRIs of 8 weeks each are required; documentation of the second is missing.";

        HttpResponse<String> sent = whileHeld(id, () -> clerk.post(page + "/events", "type", "DENIED", "date",
                TODAY.toString(), "reason", reason));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String shown = clerk.get(page).body();
        assertThat(shown).contains("id=\"event-problems\"", "Another change to this case was being saved",
                "nothing was recorded").contains(reason).doesNotContain("The event was recorded.");
        assertThat(lifecycle.authorization(id).get("status").asString()).isEqualTo("SUBMITTED");

        assertThat(clerk.post(page + "/events", "type", "DENIED", "date", TODAY.toString(), "reason", reason)
                .statusCode()).isEqualTo(302);
        assertThat(clerk.get(page).body()).contains("The event was recorded.");
        assertThat(lifecycle.authorization(id).get("status").asString()).as("pressed again").isEqualTo("DENIED");
    }

    @Test
    void aCaseFormSavedWhileTheCaseIsHeldElsewhereComesBackWithEverythingTypedAndSavesOnTheSecondPress()
            throws Exception {
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");
        clerk.get("/cases/new");
        HttpResponse<String> made = clerk.post("/cases/new", "patient.firstName", "Dana", "patient.lastName", "Held",
                "prescriber.phone", "555-0100");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
        String id = java.net.URI.create(made.headers().firstValue("Location").orElseThrow()).getPath().split("/")[2];
        String edit = "/cases/" + id + "/edit";
        clerk.get(edit);

        HttpResponse<String> sent = whileHeld(id, () -> clerk.post(edit, "version", "0", "patient.firstName", "Dana",
                "patient.lastName", "Held", "prescriber.phone", "555-0177"));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("id=\"edit-busy\"", "Not saved: another change to this case was being saved")
                .contains("value=\"555-0177\"", "value=\"Held\"");
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/cases/" + id, LifecycleHttp.BILLING).json().get("version").asLong())
                .as("nothing saved").isZero();

        assertThat(clerk.post(edit, "version", "0", "patient.firstName", "Dana", "patient.lastName", "Held",
                "prescriber.phone", "555-0177").statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/cases/" + id, LifecycleHttp.BILLING).json().get("prescriber").get("phone")
                .asString()).as("saved on the second press").isEqualTo("555-0177");
    }

    @Test
    void anUploadWhileTheCaseIsHeldElsewhereSaysSoAndKeepsTheTitle() throws Exception {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.caseWithPacket();
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");
        String page = "/cases/" + id;
        clerk.get(page);

        HttpResponse<String> sent = whileHeld(id, () -> clerk.upload(page + "/attachments", "Progress note March",
                dev.authpack.rendering.TestPdfs.notes(1, "Progress note")));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(clerk.get(page).body()).contains("id=\"attachment-problem\"",
                "Another change to this case was being saved").contains("value=\"Progress note March\"");
        assertThat(new ApiClient(port).get("/api/v1/cases/" + id + "/attachments", LifecycleHttp.BILLING).json()
                .size()).isZero();
    }

    /** Sends a page's write while another transaction holds the case's row, as a save in progress does. */
    private <T> T whileHeld(String caseId, java.util.function.Supplier<T> write) throws Exception {
        try (Connection elsewhere = dataSource.getConnection()) {
            elsewhere.setAutoCommit(false);
            try (PreparedStatement hold = elsewhere.prepareStatement("SELECT id FROM cases WHERE id = ? FOR UPDATE")) {
                hold.setObject(1, caseId);
                hold.executeQuery().close();
            }
            T answer = write.get();
            elsewhere.rollback();
            return answer;
        }
    }
}
