package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import dev.authpack.completeness.CompletenessService;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A failure nobody foresaw (planted in the running app: every known one is handled) is a 500
 * problem+json that says nothing of it, and the log gets its classes and frames but not its message,
 * which may quote the patient's data, as a database error quotes the value that did not fit.
 */
@SharedServiceTest
@ExtendWith(OutputCaptureExtension.class)
@Isolated // reads the whole log (Surefire runs test classes two at a time)
class UnexpectedFailureLogTest {

    private static final String PATIENT_DATA = "Reyes, Dana 1979-05-01";

    @LocalServerPort
    int port;
    @MockitoSpyBean
    CompletenessService completeness;

    @Test
    void theLogHasTheTraceOfAnUnexpectedFailureButNotItsMessage(CapturedOutput output) {
        ApiClient api = new ApiClient(port);
        String id = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        doThrow(new IllegalStateException("wrapper", new IllegalArgumentException("value too long: " + PATIENT_DATA)))
                .when(completeness).check(any());
        int before = output.getAll().length();

        Response r = api.get("/api/v1/cases/" + id + "/completeness", "north.billing");

        String logged = output.getAll().substring(before);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text()).doesNotContain(PATIENT_DATA, "IllegalStateException");
        assertThat(logged).contains("Unexpected failure of an API call (java.lang.IllegalStateException)",
                "Caused by: java.lang.Throwable: java.lang.IllegalArgumentException (message left out",
                "at dev.authpack.web.UnexpectedFailureLogTest");
        assertThat(logged).doesNotContain(PATIENT_DATA, "value too long", "wrapper");
    }

    @Test
    void aPageThatFailsUnexpectedlyIsTheErrorPageAndItsLogLineQuotesNothing(CapturedOutput output) {
        ApiClient api = new ApiClient(port);
        String id = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        FormClient clerk = new FormClient(port).signIn("north.billing", ApiClient.PASSWORD);
        doThrow(new IllegalStateException("value too long: " + PATIENT_DATA)).when(completeness).check(any());
        int before = output.getAll().length();

        HttpResponse<String> page = clerk.get("/cases/" + id);

        String logged = output.getAll().substring(before);
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).doesNotContain(PATIENT_DATA, "IllegalStateException");
        assertThat(logged).contains("Unexpected failure of a page (java.lang.IllegalStateException)",
                "at dev.authpack.desk.CasePageController");
        assertThat(logged).doesNotContain(PATIENT_DATA, "value too long");
    }
}
