package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Attachments put on a case through the API, for the page tests. */
final class Uploads {

    private Uploads() {
    }

    /** Uploads {@code pdf} as north.billing and returns the attachment's id. */
    static String attach(ApiClient api, String caseId, String title, byte[] pdf) {
        String boundary = "pagetest-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(pdf);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        ApiClient.Response r = api.post("/api/v1/cases/" + caseId + "/attachments", "north.billing", out.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asString();
    }
}
