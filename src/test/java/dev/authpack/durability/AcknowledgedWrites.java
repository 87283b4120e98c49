package dev.authpack.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.rendering.TestPdfs;
import dev.authpack.support.ApiClient;
import dev.authpack.support.ApiClient.Response;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes made over HTTP, each remembered the moment the service acknowledged it, and the check that
 * every one of them is still there: a ledger of what a clerk was told had been saved.
 */
final class AcknowledgedWrites {

    static final String BILLING = "north.billing";
    static final String ADMIN = "admin";

    /** One audit row the service must have written with a write it acknowledged. */
    record AuditRow(String action, String caseId, String documentId, String targetUser) {
    }

    private final Map<String, Long> caseVersions = new LinkedHashMap<>();
    private final Map<String, String> casePhones = new LinkedHashMap<>();
    private final Map<String, String> attachments = new LinkedHashMap<>(); // id → sha256, with its case below
    private final Map<String, String> attachmentCase = new LinkedHashMap<>();
    private final Map<String, String> documents = new LinkedHashMap<>(); // id → sha256
    // packets are generated with an Idempotency-Key: key → the packet's case and document id, whose kept
    // answer must come back for the same request after the kill
    private final Map<String, List<String>> packetKeys = new LinkedHashMap<>();
    private final Map<String, String> users = new LinkedHashMap<>(); // user name → password
    private final List<AuditRow> audit = new ArrayList<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private int sequence;

    String createCase(ApiClient api) {
        Response r = api.post("/api/v1/cases", BILLING, Samples.text("01-complete-esketamine"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        String id = r.json().get("id").asString();
        caseVersions.put(id, r.json().get("version").asLong());
        casePhones.put(id, r.json().get("prescriber").get("phone").asString());
        acknowledged("case created", new AuditRow("CASE_CREATED", id, null, null));
        return id;
    }

    void updateCase(ApiClient api, String caseId) {
        String phone = String.format("555-%04d", ++sequence);
        ObjectNode body = Samples.tree("01-complete-esketamine").put("version", caseVersions.get(caseId));
        ((ObjectNode) body.get("prescriber")).put("phone", phone);
        Response r = api.put("/api/v1/cases/" + caseId, BILLING, Samples.json(body));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        caseVersions.put(caseId, r.json().get("version").asLong());
        casePhones.put(caseId, phone);
        acknowledged("case updated", new AuditRow("CASE_UPDATED", caseId, null, null));
    }

    void uploadAttachment(ApiClient api, String caseId) {
        String boundary = "----kill-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nChart note "
                + (++sequence) + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"note.pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(TestPdfs.notes(2, "kill-" + sequence));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Response r = api.post("/api/v1/cases/" + caseId + "/attachments", BILLING, body.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        String id = r.json().get("id").asString();
        attachments.put(id, r.json().get("sha256").asString());
        attachmentCase.put(id, caseId);
        acknowledged("attachment uploaded", new AuditRow("ATTACHMENT_UPLOADED", caseId, id, null));
    }

    void generatePacket(ApiClient api, String caseId) {
        String key = UUID.randomUUID().toString();
        Response r = api.withHeader("Idempotency-Key", key).post("/api/v1/cases/" + caseId + "/packet", BILLING,
                new byte[0], null);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        String id = r.json().get("id").asString();
        documents.put(id, r.json().get("sha256").asString());
        packetKeys.put(key, List.of(caseId, id));
        acknowledged("packet generated", new AuditRow("PACKET_GENERATED", caseId, id, null));
    }

    void readCase(ApiClient api, String caseId) {
        Response r = api.get("/api/v1/cases/" + caseId, BILLING);
        assertThat(r.status()).isEqualTo(200);
        acknowledged("case read (audit entry)", new AuditRow("CASE_READ", caseId, null, null));
    }

    void createUser(FormClient admin) {
        String name = "kill.user" + (++sequence) + "." + UUID.randomUUID().toString().substring(0, 8);
        String password = "durable-secret-" + UUID.randomUUID();
        admin.get("/admin/users");
        var r = admin.post("/admin/users", "username", name, "role", "BILLING", "clinicId", "north",
                "password", password);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        users.put(name, password);
        acknowledged("user created", new AuditRow("USER_CREATED", null, null, name));
    }

    private void acknowledged(String kind, AuditRow row) {
        counts.merge(kind, 1, Integer::sum);
        audit.add(row);
    }

    int acknowledgedCount() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<String, Integer> counts() {
        return counts;
    }

    int auditRowsExpected() {
        return audit.size();
    }

    /** Everything acknowledged that the service no longer has, one line each; empty when nothing was lost. */
    List<String> lost(ApiClient api) {
        // the audit first: the reads below write audit rows of their own, which must not stand in for lost ones
        List<String> lost = new ArrayList<>(lostAuditRows(api));
        caseVersions.forEach((id, version) -> {
            Response r = api.get("/api/v1/cases/" + id, BILLING);
            if (r.status() != 200) {
                lost.add("case " + id + " (answer " + r.status() + " " + r.text() + ")");
                return;
            } else if (r.json().get("version").asLong() != version
                    || !casePhones.get(id).equals(r.json().get("prescriber").get("phone").asString())) {
                lost.add("update of case " + id + ": version " + r.json().get("version").asLong() + ", acknowledged " + version);
            }
            lost.addAll(wholeDocuments(api, id));
        });
        attachments.forEach((id, sha) -> {
            Response list = api.get("/api/v1/cases/" + attachmentCase.get(id) + "/attachments", BILLING);
            boolean found = list.status() == 200 && list.json().valueStream()
                    .anyMatch(a -> a.get("id").asString().equals(id) && a.get("sha256").asString().equals(sha));
            if (!found) {
                lost.add("attachment " + id);
            }
        });
        documents.forEach((id, sha) -> {
            Response r = api.get("/api/v1/documents/" + id, BILLING);
            if (r.status() != 200 || !sha256(r.body()).equals(sha)) {
                lost.add("document " + id + " (answer " + r.status() + ")");
            }
        });
        users.forEach((name, password) -> {
            if (api.get("/api/v1/cases", name, password).status() != 200) {
                lost.add("user " + name);
            }
        });
        packetKeys.forEach((key, caseAndDocument) -> {
            Response again = api.withHeader("Idempotency-Key", key).post("/api/v1/cases/" + caseAndDocument.get(0)
                    + "/packet", BILLING, new byte[0], null);
            if (!"true".equals(again.header("Idempotent-Replayed"))
                    || !caseAndDocument.get(1).equals(again.json().get("id").asString())) {
                lost.add("kept answer of the packet request with key " + key + " (answer " + again.status() + ")");
            }
        });
        return lost;
    }

    /** Every listed document downloads whole: its bytes hash to the listed sha256 (nothing half-written). */
    private static List<String> wholeDocuments(ApiClient api, String caseId) {
        List<String> broken = new ArrayList<>();
        Response list = api.get("/api/v1/cases/" + caseId + "/documents", BILLING);
        if (list.status() != 200) {
            return List.of("documents of case " + caseId + " (answer " + list.status() + " " + list.text() + ")");
        }
        for (JsonNode d : list.json()) {
            Response pdf = api.get("/api/v1/documents/" + d.get("id").asString(), BILLING);
            if (pdf.status() != 200 || !sha256(pdf.body()).equals(d.get("sha256").asString())) {
                broken.add("document " + d.get("id").asString() + " is listed but not whole");
            }
        }
        return broken;
    }

    private List<String> lostAuditRows(ApiClient api) {
        List<AuditRow> stored = new ArrayList<>();
        for (String caseId : caseVersions.keySet()) {
            stored.addAll(rows(api, "/api/v1/audit?size=500&case=" + caseId));
        }
        stored.addAll(rows(api, "/api/v1/audit?size=500&action=USER_CREATED"));
        List<String> lost = new ArrayList<>();
        List<AuditRow> remaining = new ArrayList<>(stored);
        for (AuditRow expected : audit) {
            if (!remaining.remove(expected)) {
                lost.add("audit entry " + expected);
            }
        }
        return lost;
    }

    private static List<AuditRow> rows(ApiClient api, String path) {
        Response r = api.get(path, ADMIN);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<AuditRow> rows = new ArrayList<>();
        for (JsonNode item : r.json().get("items")) {
            if ("OK".equals(item.path("outcome").asString(null))) {
                rows.add(new AuditRow(item.get("action").asString(), text(item, "caseId"), text(item, "documentId"),
                        text(item, "targetUser")));
            }
        }
        return rows;
    }

    private static String text(JsonNode item, String field) {
        JsonNode v = item.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
