package dev.authpack.security;

import dev.authpack.security.AccessMatrix.Request;
import dev.authpack.security.AccessMatrix.Whose;
import dev.authpack.support.ApiClient;
import dev.authpack.support.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import tools.jackson.databind.node.ObjectNode;

/** The objects the access matrix asks about: a case and a document of north (own) and of south (other). */
final class Fixtures {

    static final String NORTH = "north.billing";
    static final String SOUTH = "south.billing";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final ApiClient api;
    private final String northCase;
    private final String southCase;
    private final String northDocument;
    private final String southDocument;
    private final String spareUser;

    Fixtures(ApiClient api, UserAdministration admin, boolean packetsExist) {
        this.api = api;
        this.northCase = createCase(NORTH);
        this.southCase = createCase(SOUTH);
        this.northDocument = packetsExist ? packet(NORTH, northCase) : UUID.randomUUID().toString();
        this.southDocument = packetsExist ? packet(SOUTH, southCase) : UUID.randomUUID().toString();
        this.spareUser = "matrix.spare." + System.nanoTime() % 1_000_000;
        admin.create(spareUser, Role.CLINIC, "north", "matrix-spare-password-1");
    }

    String caseOf(Whose whose) {
        return whose == Whose.OTHER ? southCase : northCase;
    }

    private final java.util.Map<String, String> lifecycleCases = new java.util.concurrent.ConcurrentHashMap<>();

    static java.time.LocalDate today() {
        return java.time.LocalDate.now();
    }

    /** A case of the clinic with a packet, submitted and approved today for 90 days (made on first use). */
    String approvedCaseOf(Whose whose) {
        return lifecycleCases.computeIfAbsent("APPROVED-" + whose, k -> caseDecided(whose,
                "{\"type\":\"APPROVED\",\"date\":\"" + today() + "\",\"authorizationNumber\":\"M-1\","
                        + "\"approvedFrom\":\"" + today() + "\",\"approvedTo\":\"" + today().plusDays(90)
                        + "\",\"approvedSessions\":8}"));
    }

    /** A case of the clinic with a packet, submitted and denied today (made on first use). */
    String deniedCaseOf(Whose whose) {
        return lifecycleCases.computeIfAbsent("DENIED-" + whose, k -> caseDecided(whose,
                "{\"type\":\"DENIED\",\"date\":\"" + today() + "\",\"reason\":\"Not medically necessary\"}"));
    }

    private String caseDecided(Whose whose, String decision) {
        String owner = whose == Whose.OTHER ? SOUTH : NORTH;
        String id = createCase(owner);
        packet(owner, id);
        for (String event : new String[] {"{\"type\":\"SUBMITTED\",\"date\":\"" + today() + "\",\"channel\":\"FAX\"}",
                decision}) {
            ApiClient.Response r = api.post("/api/v1/cases/" + id + "/events", owner, event);
            if (r.status() != 201) {
                throw new IllegalStateException("fixture event not recorded: " + r.status() + " " + r.text());
            }
        }
        return id;
    }

    String documentOf(Whose whose) {
        return whose == Whose.OTHER ? southDocument : northDocument;
    }

    String spareUser() {
        return spareUser;
    }

    String freshUsername() {
        return "matrix.user." + System.nanoTime() % 1_000_000 + "." + SEQ.incrementAndGet();
    }

    Request newCaseRequest() {
        return json("POST", "/api/v1/cases", Samples.text("01-complete-esketamine"));
    }

    Request replaceCaseRequest(Whose whose) {
        String owner = whose == Whose.OTHER ? SOUTH : NORTH;
        String id = caseOf(whose);
        ObjectNode body = Samples.tree("01-complete-esketamine");
        body.put("version", api.get("/api/v1/cases/" + id, owner).json().get("version").asLong());
        return json("PUT", "/api/v1/cases/" + id, Samples.json(body));
    }

    Request fhirImportRequest() {
        return new Request("POST", "/api/v1/fhir/import", """
                {"resourceType": "Bundle", "type": "collection",
                 "entry": [{"fullUrl": "urn:uuid:0b6a4a52-8c1e-4a43-9a59-0d6f8a1c2b11",
                            "resource": {"resourceType": "Patient", "name": [{"family": "Matrix", "given": ["Ann"]}]}}]}
                """.getBytes(StandardCharsets.UTF_8), "application/fhir+json");
    }

    private final java.util.Map<Whose, String> attachments = new java.util.concurrent.ConcurrentHashMap<>();

    /** An attachment of the clinic's case, uploaded on first use and never removed. */
    String attachmentOf(Whose whose) {
        return attachments.computeIfAbsent(whose, this::uploadAttachment);
    }

    /** A new attachment of the clinic's case, for a call that removes it. */
    String freshAttachmentOf(Whose whose) {
        return uploadAttachment(whose);
    }

    /** A new attachment of the clinic's case, removed by the case's owner, for a call that puts it back. */
    String removedAttachmentOf(Whose whose) {
        String id = uploadAttachment(whose);
        ApiClient.Response gone = api.delete("/api/v1/cases/" + caseOf(whose) + "/attachments/" + id,
                whose == Whose.OTHER ? SOUTH : NORTH);
        if (gone.status() != 204) {
            throw new IllegalStateException("fixture attachment not removed: " + gone.status() + " " + gone.text());
        }
        return id;
    }

    /** The clinic's case's attachments in reverse order, as the case's owner sees them now. */
    Request reorderRequest(Whose whose) {
        attachmentOf(whose);
        String owner = whose == Whose.OTHER ? SOUTH : NORTH;
        java.util.List<String> ids = new java.util.ArrayList<>();
        api.get("/api/v1/cases/" + caseOf(whose) + "/attachments", owner).json()
                .forEach(a -> ids.add(0, "\"" + a.get("id").asString() + "\""));
        return json("PUT", "/api/v1/cases/" + caseOf(whose) + "/attachments/order",
                "{\"order\":[" + String.join(",", ids) + "]}");
    }

    private String uploadAttachment(Whose whose) {
        Request r = attachmentRequest(whose);
        ApiClient.Response made = api.post(r.path(), whose == Whose.OTHER ? SOUTH : NORTH, r.body(), r.contentType());
        if (made.status() != 201) {
            throw new IllegalStateException("fixture attachment not uploaded: " + made.status() + " " + made.text());
        }
        return made.json().get("id").asString();
    }

    Request attachmentRequest(Whose whose) {
        String boundary = "matrix-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nClinical notes\r\n");
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n");
        out.writeBytes(onePagePdf());
        write(out, "\r\n--" + boundary + "--\r\n");
        return new Request("POST", "/api/v1/cases/" + caseOf(whose) + "/attachments", out.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
    }

    private String createCase(String user) {
        ApiClient.Response r = api.post("/api/v1/cases", user, Samples.text("01-complete-esketamine"));
        if (r.status() != 201) {
            throw new IllegalStateException("fixture case not created: " + r.status() + " " + r.text());
        }
        return r.json().get("id").asString();
    }

    private String packet(String user, String caseId) {
        ApiClient.Response r = api.post("/api/v1/cases/" + caseId + "/packet", user, new byte[0], null);
        if (r.status() != 201) {
            throw new IllegalStateException("fixture packet not created: " + r.status() + " " + r.text());
        }
        return r.json().get("id").asString();
    }

    private static Request json(String method, String path, String body) {
        return new Request(method, path, body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    static byte[] onePagePdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
