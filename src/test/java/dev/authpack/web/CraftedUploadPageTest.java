package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Uploads from the case page that no browser sends by itself, or that are not what the clerk meant:
 * refused as the sender's mistake in words that fit it, never a 500.
 */
@SharedServiceTest
class CraftedUploadPageTest {

    @LocalServerPort
    int port;
    String id;
    FormClient clerk;

    @BeforeEach
    void aCaseOnScreen() {
        id = new ApiClient(port).post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine"))
                .json().get("id").asString();
        clerk = new FormClient(port).signIn("north.billing", "demo-pass-2026");
        clerk.get("/cases/" + id);
    }

    @Test
    void aTitleSentAsAFileComesBackToTheCasePageNamingTheTitleAndStoresNothing() {
        HttpResponse<String> answer = clerk.upload("/cases/" + id + "/attachments", "Notes", TestPdfs.notes(1, "MARK"), true);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + id + "#attachments");
        assertThat(clerk.get("/cases/" + id).body())
                .contains("Nothing was done: the attachment’s title must be text, not a file")
                .doesNotContain("Exception", "Multipart", "Something went wrong");
        assertThat(attachments()).isZero();
    }

    @Test
    void aTitleWithAControlCharacterReturnsToTheCasePageWithTheTitleMessage() {
        HttpResponse<String> answer = clerk.upload("/cases/" + id + "/attachments", "Notes\u001b[31m",
                TestPdfs.notes(1, "MARK"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + id + "#attachments");
        assertThat(attachments()).isZero();
    }

    @Test
    void anEmptyFileIsSaidToBeEmptyNotMissing() {
        HttpResponse<String> answer = clerk.upload("/cases/" + id + "/attachments", "Scan", new byte[0]);

        assertThat(answer.statusCode()).isEqualTo(302);
        String page = clerk.get("/cases/" + id).body();
        assertThat(page).contains("is empty: upload a PDF file").doesNotContain("no PDF was chosen");
        assertThat(attachments()).isZero();
    }

    /** The arrows send up or down; another value (an edited page, a script) moved the attachment down. */
    @Test
    void aMoveInADirectionOtherThanUpOrDownComesBackNamingItAndMovesNothing() {
        clerk.upload("/cases/" + id + "/attachments", "First", TestPdfs.notes(1, "ONE"));
        clerk.get("/cases/" + id);
        clerk.upload("/cases/" + id + "/attachments", "Second", TestPdfs.notes(1, "TWO"));
        String first = new ApiClient(port).get("/api/v1/cases/" + id + "/attachments", "north.billing").json().get(0)
                .get("id").asString();
        clerk.get("/cases/" + id);

        HttpResponse<String> tampered = clerk.post("/cases/" + id + "/attachments/" + first + "/move",
                "direction", "sideways");

        assertThat(tampered.statusCode()).as(tampered.body()).isEqualTo(302);
        assertThat(tampered.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + id + "#attachments");
        assertThat(clerk.get("/cases/" + id).body()).contains("Nothing was done: the field “direction” must be up or down")
                .doesNotContain("The attachment was moved");
        assertThat(titles()).containsExactly("First", "Second");

        clerk.post("/cases/" + id + "/attachments/" + first + "/move", "direction", "down");
        assertThat(titles()).as("the arrows' own value still moves it").containsExactly("Second", "First");
    }

    private java.util.List<String> titles() {
        java.util.List<String> titles = new java.util.ArrayList<>();
        new ApiClient(port).get("/api/v1/cases/" + id + "/attachments", "north.billing").json()
                .forEach(a -> titles.add(a.get("title").asString()));
        return titles;
    }

    private int attachments() {
        return new ApiClient(port).get("/api/v1/cases/" + id + "/attachments", "north.billing").json().size();
    }
}
