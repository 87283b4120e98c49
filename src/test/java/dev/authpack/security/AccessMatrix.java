package dev.authpack.security;

import dev.authpack.audit.AuditAction;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The access matrix: every endpoint of the application, API and web, with the roles allowed to
 * use it, whether its object belongs to a clinic (another clinic's is 404), and how a request to
 * it is made. {@link AccessMatrixTest} runs it for every role against an object of the caller's
 * own clinic and of another clinic, and fails the build for any handler method not listed here.
 */
final class AccessMatrix {

    /** Who calls. */
    enum Who {
        ANONYMOUS(null), BILLING("north.billing"), CLINIC("north.clinic"), ADMIN("admin");

        final String username;

        Who(String username) {
            this.username = username;
        }
    }

    /** Whose object the request names: the caller's clinic's (north), another clinic's (south), or none. */
    enum Whose { OWN, OTHER, NONE }

    /** How a request to the endpoint is made, given the fixtures and whose object it names. */
    interface Call {
        Request make(Fixtures f, Whose whose);
    }

    record Request(String method, String path, byte[] body, String contentType) {
    }

    /**
     * One endpoint. {@code ok} is the API's success status; for web pages any answer that is not a
     * denial (403), a 404 or a sign-in redirect counts as served.
     */
    record Endpoint(String method, String pattern, boolean api, Set<Who> allowed, boolean clinicScoped, int ok,
                    Call call) {

        String key() {
            return method + " " + pattern.replaceAll("\\{[^}]+}", "{}");
        }
    }

    static final Set<Who> WRITERS = EnumSet.of(Who.BILLING);
    static final Set<Who> READERS = EnumSet.of(Who.BILLING, Who.CLINIC);
    static final Set<Who> ADMINS = EnumSet.of(Who.ADMIN);
    static final Set<Who> SIGNED_IN = EnumSet.of(Who.BILLING, Who.CLINIC, Who.ADMIN);
    static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);

    static final List<Endpoint> ENDPOINTS = List.of(
            // --- the JSON API (contract)
            api("GET", "/api/v1/cases", READERS, false, 200, (f, w) -> get("/api/v1/cases")),
            api("POST", "/api/v1/cases", WRITERS, false, 201, (f, w) -> f.newCaseRequest()),
            api("GET", "/api/v1/cases/{id}", READERS, true, 200, (f, w) -> get("/api/v1/cases/" + f.caseOf(w))),
            api("PUT", "/api/v1/cases/{id}", WRITERS, true, 200, (f, w) -> f.replaceCaseRequest(w)),
            api("GET", "/api/v1/cases/{id}/completeness", READERS, true, 200,
                    (f, w) -> get("/api/v1/cases/" + f.caseOf(w) + "/completeness")),
            api("POST", "/api/v1/cases/{id}/attachments", WRITERS, true, 201, (f, w) -> f.attachmentRequest(w)),
            api("POST", "/api/v1/cases/{id}/packet", WRITERS, true, 201,
                    (f, w) -> post("/api/v1/cases/" + f.caseOf(w) + "/packet")),
            api("POST", "/api/v1/cases/{id}/packet", WRITERS, true, 201,
                    (f, w) -> post("/api/v1/cases/" + f.caseOf(w) + "/packet?exception=true")),
            api("POST", "/api/v1/cases/{id}/estimate", WRITERS, true, 201,
                    (f, w) -> post("/api/v1/cases/" + f.caseOf(w) + "/estimate")),
            api("GET", "/api/v1/cases/{id}/documents", READERS, true, 200,
                    (f, w) -> get("/api/v1/cases/" + f.caseOf(w) + "/documents")),
            api("GET", "/api/v1/cases/{id}/attachments", READERS, true, 200,
                    (f, w) -> get("/api/v1/cases/" + f.caseOf(w) + "/attachments")),
            api("GET", "/api/v1/cases/{caseId}/attachments/{attachmentId}", READERS, true, 200,
                    (f, w) -> get("/api/v1/cases/" + f.caseOf(w) + "/attachments/" + f.attachmentOf(w))),
            api("DELETE", "/api/v1/cases/{caseId}/attachments/{attachmentId}", WRITERS, true, 204,
                    (f, w) -> new Request("DELETE", "/api/v1/cases/" + f.caseOf(w) + "/attachments/"
                            + f.freshAttachmentOf(w), null, null)),
            api("PUT", "/api/v1/cases/{caseId}/attachments/order", WRITERS, true, 200, (f, w) -> f.reorderRequest(w)),
            api("GET", "/api/v1/cases/{caseId}/attachments/removed", READERS, true, 200,
                    (f, w) -> get("/api/v1/cases/" + f.caseOf(w) + "/attachments/removed")),
            api("POST", "/api/v1/cases/{caseId}/attachments/{attachmentId}/restore", WRITERS, true, 200,
                    (f, w) -> post("/api/v1/cases/" + f.caseOf(w) + "/attachments/" + f.removedAttachmentOf(w) + "/restore")),
            api("GET", "/api/v1/documents/{id}", READERS, true, 200, (f, w) -> get("/api/v1/documents/" + f.documentOf(w))),
            api("POST", "/api/v1/fhir/import", WRITERS, false, 201, (f, w) -> f.fhirImportRequest()),
            api("GET", "/api/v1/cases/{id}/fhir/pas-bundle", READERS, true, 200,
                    (f, w) -> get("/api/v1/cases/" + f.caseOf(w) + "/fhir/pas-bundle")),
            // --- after the packet (contract v1.1): events, worklist, renewal, appeal
            api("POST", "/api/v1/cases/{id}/events", WRITERS, true, 201, (f, w) -> json("/api/v1/cases/"
                    + f.approvedCaseOf(w) + "/events", "{\"type\":\"SESSION_GIVEN\",\"date\":\"" + Fixtures.today() + "\"}")),
            api("GET", "/api/v1/cases/{id}/events", READERS, true, 200,
                    (f, w) -> get("/api/v1/cases/" + f.caseOf(w) + "/events")),
            api("POST", "/api/v1/cases/{id}/reauthorization", WRITERS, true, 201,
                    (f, w) -> post("/api/v1/cases/" + f.approvedCaseOf(w) + "/reauthorization")),
            api("POST", "/api/v1/cases/{caseId}/appeal-packet", WRITERS, true, 201,
                    (f, w) -> post("/api/v1/cases/" + f.deniedCaseOf(w) + "/appeal-packet")),
            api("GET", "/api/v1/worklist", READERS, false, 200, (f, w) -> get("/api/v1/worklist")),
            api("GET", "/api/v1/policies", SIGNED_IN, false, 200, (f, w) -> get("/api/v1/policies")),
            api("GET", "/api/v1/policies/{id}/versions", SIGNED_IN, false, 200,
                    (f, w) -> get("/api/v1/policies/texas-medicaid-spravato/versions")),
            api("POST", "/api/v1/policies", ADMINS, false, 201, (f, w) -> policyUpload()),
            api("GET", "/api/v1/audit", ADMINS, false, 200, (f, w) -> get("/api/v1/audit?size=5")),
            // the tests' database is in memory, which cannot be backed up: an administrator gets 409, not 201
            api("POST", "/api/v1/admin/backups", ADMINS, false, 409, (f, w) -> post("/api/v1/admin/backups")),
            api("GET", "/api/v1/users", ADMINS, false, 200, (f, w) -> get("/api/v1/users")),
            api("POST", "/api/v1/users/{username}/disable", ADMINS, false, 200,
                    (f, w) -> post("/api/v1/users/" + f.spareUser() + "/disable")),
            api("POST", "/api/v1/users/{username}/enable", ADMINS, false, 200,
                    (f, w) -> post("/api/v1/users/" + f.spareUser() + "/enable")),
            api("POST", "/api/v1/users/{username}/unlock", ADMINS, false, 200,
                    (f, w) -> post("/api/v1/users/" + f.spareUser() + "/unlock")),
            api("PUT", "/api/v1/users/{username}/display-name", ADMINS, false, 200,
                    (f, w) -> new Request("PUT", "/api/v1/users/" + f.spareUser() + "/display-name",
                            "{\"displayName\":\"Matrix Person\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            "application/json")),
            // clinics: added and renamed, never removed; renaming north to its own name changes nothing
            api("GET", "/api/v1/admin/clinics", ADMINS, false, 200, (f, w) -> get("/api/v1/admin/clinics")),
            api("GET", "/api/v1/admin/clinics/{id}", ADMINS, false, 200, (f, w) -> get("/api/v1/admin/clinics/north")),
            api("POST", "/api/v1/admin/clinics", ADMINS, false, 201,
                    (f, w) -> json("/api/v1/admin/clinics", "{\"id\":\"" + freshClinic() + "\",\"name\":\"Matrix\"}")),
            api("PUT", "/api/v1/admin/clinics/{id}", ADMINS, false, 200,
                    (f, w) -> new Request("PUT", "/api/v1/admin/clinics/north",
                            "{\"name\":\"North Clinic\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            "application/json")),
            // --- the API description (springdoc): HTTP Basic or the web session, any signed-in user
            api("GET", "/v3/api-docs", SIGNED_IN, false, 200, (f, w) -> get("/v3/api-docs")),
            api("GET", "/v3/api-docs.yaml", SIGNED_IN, false, 200, (f, w) -> get("/v3/api-docs.yaml")),
            api("GET", "/v3/api-docs/swagger-config", SIGNED_IN, false, 200,
                    (f, w) -> get("/v3/api-docs/swagger-config")),
            // --- the web UI
            web("GET", "/login", EVERYONE, false, (f, w) -> get("/login")),
            web("GET", "/", SIGNED_IN, false, (f, w) -> get("/")),
            web("GET", "/cases", READERS, false, (f, w) -> get("/cases")),
            web("POST", "/cases/search", READERS, false, (f, w) -> form("/cases/search", "q", "reyes")),
            web("GET", "/cases/new", WRITERS, false, (f, w) -> get("/cases/new")),
            web("POST", "/cases/new", WRITERS, false, (f, w) -> form("/cases/new", "_action", "save")),
            web("GET", "/cases/{id}", READERS, true, (f, w) -> get("/cases/" + f.caseOf(w))),
            web("GET", "/cases/{id}/edit", WRITERS, true, (f, w) -> get("/cases/" + f.caseOf(w) + "/edit")),
            web("POST", "/cases/{id}/edit", WRITERS, true, (f, w) -> form("/cases/" + f.caseOf(w) + "/edit", "_action", "check")),
            web("POST", "/cases/{id}/packet", WRITERS, true, (f, w) -> form("/cases/" + f.caseOf(w) + "/packet")),
            web("POST", "/cases/{id}/estimate", WRITERS, true,
                    (f, w) -> form("/cases/" + f.caseOf(w) + "/estimate", "lang", "en")),
            web("POST", "/cases/{id}/attachments", WRITERS, true,
                    (f, w) -> form("/cases/" + f.caseOf(w) + "/attachments", "title", "no file")),
            web("GET", "/cases/{caseId}/attachments/{attachmentId}", READERS, true,
                    (f, w) -> get("/cases/" + f.caseOf(w) + "/attachments/" + f.attachmentOf(w))),
            web("POST", "/cases/{caseId}/attachments/{attachmentId}/remove", WRITERS, true,
                    (f, w) -> form("/cases/" + f.caseOf(w) + "/attachments/" + f.freshAttachmentOf(w) + "/remove")),
            web("POST", "/cases/{caseId}/attachments/{attachmentId}/restore", WRITERS, true,
                    (f, w) -> form("/cases/" + f.caseOf(w) + "/attachments/" + f.removedAttachmentOf(w) + "/restore")),
            web("POST", "/cases/{caseId}/attachments/{attachmentId}/move", WRITERS, true,
                    (f, w) -> form("/cases/" + f.caseOf(w) + "/attachments/" + f.attachmentOf(w) + "/move",
                            "direction", "down")),
            web("POST", "/cases/{id}/copy", WRITERS, true, (f, w) -> form("/cases/" + f.caseOf(w) + "/copy")),
            web("GET", "/clinic/profile", WRITERS, false, (f, w) -> get("/clinic/profile")),
            web("POST", "/clinic/profile", WRITERS, false, (f, w) -> form("/clinic/profile", "facilityNpi", "123")),
            web("GET", "/cases/import", WRITERS, false, (f, w) -> get("/cases/import")),
            web("POST", "/cases/import", WRITERS, false, (f, w) -> form("/cases/import")),
            web("GET", "/cases/{id}/fhir/pas-bundle", READERS, true, (f, w) -> get("/cases/" + f.caseOf(w) + "/fhir/pas-bundle")),
            web("GET", "/worklist", READERS, false, (f, w) -> get("/worklist")),
            web("POST", "/cases/{id}/events", WRITERS, true, (f, w) -> form("/cases/" + f.approvedCaseOf(w) + "/events",
                    "type", "SESSION_GIVEN", "date", Fixtures.today().toString())),
            web("POST", "/cases/{id}/reauthorization", WRITERS, true,
                    (f, w) -> form("/cases/" + f.approvedCaseOf(w) + "/reauthorization", "another", "true")),
            web("POST", "/cases/{caseId}/appeal-packet", WRITERS, true,
                    (f, w) -> form("/cases/" + f.deniedCaseOf(w) + "/appeal-packet")),
            web("GET", "/documents", READERS, false, (f, w) -> get("/documents")),
            web("POST", "/documents/search", READERS, false, (f, w) -> form("/documents/search", "q", "reyes")),
            web("GET", "/documents/{id}", READERS, true, (f, w) -> get("/documents/" + f.documentOf(w))),
            web("GET", "/documents/{id}/pages/{page}", READERS, true,
                    (f, w) -> get("/documents/" + f.documentOf(w) + "/pages/1")),
            web("GET", "/api-docs", SIGNED_IN, false, (f, w) -> get("/api-docs")),
            web("GET", "/admin", ADMINS, false, (f, w) -> get("/admin")),
            web("GET", "/admin/audit", ADMINS, false, (f, w) -> get("/admin/audit")),
            web("GET", "/admin/audit.csv", ADMINS, false, (f, w) -> get("/admin/audit.csv?action=LOGIN")),
            web("GET", "/admin/policies", ADMINS, false, (f, w) -> get("/admin/policies")),
            web("POST", "/admin/policies", ADMINS, false, (f, w) -> form("/admin/policies", "note", "no file")),
            web("GET", "/admin/users", ADMINS, false, (f, w) -> get("/admin/users")),
            web("POST", "/admin/users", ADMINS, false, (f, w) -> form("/admin/users", "username", f.freshUsername(),
                    "role", "CLINIC", "clinicId", "north", "password", "matrix-password-2026")),
            web("GET", "/admin/clinics", ADMINS, false, (f, w) -> get("/admin/clinics")),
            web("POST", "/admin/clinics", ADMINS, false,
                    (f, w) -> form("/admin/clinics", "id", freshClinic(), "name", "Matrix")),
            web("POST", "/admin/clinics/{id}/name", ADMINS, false,
                    (f, w) -> form("/admin/clinics/north/name", "name", "North Clinic")),
            web("POST", "/admin/users/{username}/password", ADMINS, false,
                    (f, w) -> form("/admin/users/" + f.spareUser() + "/password", "password", "matrix-reset-2026-x")),
            web("POST", "/admin/users/{username}/disable", ADMINS, false,
                    (f, w) -> form("/admin/users/" + f.spareUser() + "/disable")),
            web("POST", "/admin/users/{username}/enable", ADMINS, false,
                    (f, w) -> form("/admin/users/" + f.spareUser() + "/enable")),
            web("POST", "/admin/users/{username}/unlock", ADMINS, false,
                    (f, w) -> form("/admin/users/" + f.spareUser() + "/unlock")),
            web("POST", "/admin/users/{username}/name", ADMINS, false,
                    (f, w) -> form("/admin/users/" + f.spareUser() + "/name", "displayName", "Matrix Person")),
            web("POST", "/admin/users/{username}/access", ADMINS, false,
                    (f, w) -> form("/admin/users/" + f.spareUser() + "/access", "role", "CLINIC", "clinicId", "north")));

    /**
     * What the audit trail gains when an allowed caller is served the row's request on their own
     * clinic's object: every read or download of a case or document, and every change, is recorded
     * under its action. {@link AccessMatrixTest} fails for an endpoint in neither this map nor
     * {@link #UNAUDITED}, so a new endpoint has to say which it is.
     */
    static final Map<String, AuditAction> AUDITED = Map.ofEntries(
            Map.entry("GET /api/v1/cases", AuditAction.CASES_LISTED),
            Map.entry("POST /api/v1/cases", AuditAction.CASE_CREATED),
            Map.entry("GET /api/v1/cases/{}", AuditAction.CASE_READ),
            Map.entry("PUT /api/v1/cases/{}", AuditAction.CASE_UPDATED),
            Map.entry("GET /api/v1/cases/{}/completeness", AuditAction.COMPLETENESS_CHECKED),
            Map.entry("POST /api/v1/cases/{}/attachments", AuditAction.ATTACHMENT_UPLOADED),
            Map.entry("POST /api/v1/cases/{}/packet", AuditAction.PACKET_GENERATED),
            Map.entry("POST /api/v1/cases/{}/estimate", AuditAction.ESTIMATE_GENERATED),
            Map.entry("GET /api/v1/cases/{}/documents", AuditAction.DOCUMENTS_LISTED),
            Map.entry("GET /api/v1/cases/{}/attachments", AuditAction.ATTACHMENTS_LISTED),
            Map.entry("GET /api/v1/cases/{}/attachments/{}", AuditAction.ATTACHMENT_OPENED),
            Map.entry("DELETE /api/v1/cases/{}/attachments/{}", AuditAction.ATTACHMENT_REMOVED),
            Map.entry("PUT /api/v1/cases/{}/attachments/order", AuditAction.ATTACHMENTS_REORDERED),
            Map.entry("GET /api/v1/cases/{}/attachments/removed", AuditAction.ATTACHMENTS_LISTED),
            Map.entry("POST /api/v1/cases/{}/attachments/{}/restore", AuditAction.ATTACHMENT_RESTORED),
            Map.entry("GET /api/v1/documents/{}", AuditAction.DOCUMENT_DOWNLOADED),
            Map.entry("POST /api/v1/fhir/import", AuditAction.FHIR_IMPORTED),
            Map.entry("GET /api/v1/cases/{}/fhir/pas-bundle", AuditAction.FHIR_EXPORTED),
            Map.entry("POST /api/v1/cases/{}/events", AuditAction.AUTH_SESSION_GIVEN),
            Map.entry("GET /api/v1/cases/{}/events", AuditAction.AUTH_EVENTS_LISTED),
            Map.entry("POST /api/v1/cases/{}/reauthorization", AuditAction.REAUTHORIZATION_STARTED),
            Map.entry("POST /api/v1/cases/{}/appeal-packet", AuditAction.APPEAL_PACKET_GENERATED),
            Map.entry("GET /api/v1/worklist", AuditAction.WORKLIST_VIEWED),
            Map.entry("POST /api/v1/policies", AuditAction.POLICY_UPLOADED),
            Map.entry("GET /api/v1/audit", AuditAction.AUDIT_VIEWED),
            Map.entry("POST /api/v1/admin/backups", AuditAction.BACKUP_CREATED),
            Map.entry("POST /api/v1/users/{}/disable", AuditAction.USER_DISABLED),
            Map.entry("POST /api/v1/users/{}/enable", AuditAction.USER_ENABLED),
            Map.entry("POST /api/v1/users/{}/unlock", AuditAction.USER_UNLOCKED),
            Map.entry("PUT /api/v1/users/{}/display-name", AuditAction.USER_RENAMED),
            Map.entry("POST /api/v1/admin/clinics", AuditAction.CLINIC_CREATED),
            Map.entry("PUT /api/v1/admin/clinics/{}", AuditAction.CLINIC_RENAMED),
            Map.entry("GET /cases", AuditAction.CASES_LISTED),
            Map.entry("GET /cases/{}", AuditAction.CASE_READ),
            Map.entry("GET /cases/{}/edit", AuditAction.CASE_READ),
            Map.entry("POST /cases/{}/edit", AuditAction.CASE_UPDATED),
            Map.entry("POST /cases/{}/packet", AuditAction.PACKET_GENERATED),
            Map.entry("POST /cases/{}/estimate", AuditAction.ESTIMATE_GENERATED),
            Map.entry("GET /cases/{}/attachments/{}", AuditAction.ATTACHMENT_OPENED),
            Map.entry("POST /cases/{}/attachments/{}/remove", AuditAction.ATTACHMENT_REMOVED),
            Map.entry("POST /cases/{}/attachments/{}/restore", AuditAction.ATTACHMENT_RESTORED),
            Map.entry("POST /cases/{}/attachments/{}/move", AuditAction.ATTACHMENTS_REORDERED),
            Map.entry("POST /cases/{}/copy", AuditAction.CASE_COPIED),
            Map.entry("GET /cases/{}/fhir/pas-bundle", AuditAction.FHIR_EXPORTED),
            Map.entry("GET /worklist", AuditAction.WORKLIST_VIEWED),
            Map.entry("POST /cases/{}/events", AuditAction.AUTH_SESSION_GIVEN),
            Map.entry("POST /cases/{}/reauthorization", AuditAction.REAUTHORIZATION_STARTED),
            Map.entry("POST /cases/{}/appeal-packet", AuditAction.APPEAL_PACKET_GENERATED),
            Map.entry("GET /documents", AuditAction.DOCUMENTS_LISTED),
            Map.entry("GET /documents/{}", AuditAction.DOCUMENT_DOWNLOADED),
            Map.entry("GET /documents/{}/pages/{}", AuditAction.DOCUMENT_PREVIEWED),
            Map.entry("GET /admin/audit", AuditAction.AUDIT_VIEWED),
            Map.entry("GET /admin/audit.csv", AuditAction.AUDIT_EXPORTED),
            Map.entry("POST /admin/users", AuditAction.USER_CREATED),
            Map.entry("POST /admin/clinics", AuditAction.CLINIC_CREATED),
            Map.entry("POST /admin/clinics/{}/name", AuditAction.CLINIC_RENAMED),
            Map.entry("POST /admin/users/{}/password", AuditAction.PASSWORD_RESET),
            Map.entry("POST /admin/users/{}/disable", AuditAction.USER_DISABLED),
            Map.entry("POST /admin/users/{}/enable", AuditAction.USER_ENABLED),
            Map.entry("POST /admin/users/{}/unlock", AuditAction.USER_UNLOCKED),
            Map.entry("POST /admin/users/{}/name", AuditAction.USER_RENAMED),
            Map.entry("POST /admin/users/{}/access", AuditAction.ACCESS_CHANGED));

    /**
     * Endpoints whose served answer adds no row, each with why: it shows no case or document and
     * changes nothing, or the matrix's request to it is refused input that stores nothing.
     */
    static final Map<String, String> UNAUDITED = Map.ofEntries(
            Map.entry("GET /api/v1/policies", "the payer policy catalog: no patient data"),
            Map.entry("GET /api/v1/policies/{}/versions", "a policy's versions: no patient data"),
            Map.entry("GET /api/v1/users", "the accounts: no patient data"),
            Map.entry("GET /api/v1/admin/clinics", "the clinics: no patient data"),
            Map.entry("GET /api/v1/admin/clinics/{}", "a clinic: no patient data"),
            Map.entry("GET /v3/api-docs", "the API description"),
            Map.entry("GET /v3/api-docs.yaml", "the API description"),
            Map.entry("GET /v3/api-docs/swagger-config", "the API description"),
            Map.entry("GET /login", "the sign-in form"),
            Map.entry("GET /", "a redirect to the role's start page"),
            Map.entry("POST /cases/search", "keeps the search in the session and redirects to the list, which is audited"),
            Map.entry("GET /cases/new", "an empty form"),
            Map.entry("POST /cases/new", "the matrix posts an empty form: refused, nothing saved"),
            Map.entry("POST /cases/{}/attachments", "the matrix posts no file: refused, nothing saved"),
            Map.entry("GET /clinic/profile", "the clinic's prescribers and facility: no patient data"),
            Map.entry("POST /clinic/profile", "the matrix posts an invalid NPI: refused, nothing saved"),
            Map.entry("GET /cases/import", "an empty upload form"),
            Map.entry("POST /cases/import", "the matrix posts no bundle: refused, nothing saved"),
            Map.entry("POST /documents/search", "keeps the search in the session and redirects to the list, which is audited"),
            Map.entry("GET /api-docs", "the API description"),
            Map.entry("GET /admin", "the administrator's start page: links only"),
            Map.entry("GET /admin/policies", "the payer policy catalog: no patient data"),
            Map.entry("POST /admin/policies", "the matrix posts no file: refused, nothing stored"),
            Map.entry("GET /admin/users", "the accounts: no patient data"),
            Map.entry("GET /admin/clinics", "the clinics: no patient data"));

    /**
     * Handler methods deliberately outside the matrix, each with the reason. {@code /error} is where
     * the servlet container forwards failed requests; it is open to all and shows no data.
     */
    /**
     * Mapped, but serving nothing: /error, and the handlers that only answer 405 for a method an attachment
     * sub-address does not take (so that it is not read as an attachment id).
     */
    static final Set<String> NOT_ENDPOINTS = Set.of("ANY /error",
            "GET /api/v1/cases/{}/attachments/order", "HEAD /api/v1/cases/{}/attachments/order",
            "DELETE /api/v1/cases/{}/attachments/order", "DELETE /api/v1/cases/{}/attachments/removed");

    private AccessMatrix() {
    }

    private static Endpoint api(String method, String pattern, Set<Who> allowed, boolean scoped, int ok, Call call) {
        return new Endpoint(method, pattern, true, allowed, scoped, ok, call);
    }

    private static Endpoint web(String method, String pattern, Set<Who> allowed, boolean scoped, Call call) {
        return new Endpoint(method, pattern, false, allowed, scoped, 200, call);
    }

    private static final java.util.concurrent.atomic.AtomicInteger UPLOADS = new java.util.concurrent.atomic.AtomicInteger();

    private static final java.util.concurrent.atomic.AtomicInteger CLINICS = new java.util.concurrent.atomic.AtomicInteger();

    /** A clinic id no earlier call used, so an allowed caller gets 201 every time. */
    static String freshClinic() {
        return "matrix-" + System.nanoTime() % 1_000_000 + "-" + CLINICS.incrementAndGet();
    }

    /** A valid policy file with a version no earlier call used, so an allowed caller gets 201 every time. */
    static Request policyUpload() {
        int n = UPLOADS.incrementAndGet();
        String yaml = "id: matrix-upload\nversion: \"" + n + "\"\n"
                + "effectiveFrom: " + java.time.LocalDate.of(2020, 1, 1).plusDays(n)
                + "\nname: Matrix upload\nsource: access matrix\ntreatments: [ESKETAMINE]\ncriteria: {}\n";
        return new Request("POST", "/api/v1/policies", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/yaml");
    }

    static Request get(String path) {
        return new Request("GET", path, null, null);
    }

    static Request post(String path) {
        return new Request("POST", path, new byte[0], null);
    }

    static Request json(String path, String body) {
        return new Request("POST", path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
    }

    static Request form(String path, String... nameValues) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < nameValues.length; i += 2) {
            if (!s.isEmpty()) {
                s.append('&');
            }
            s.append(enc(nameValues[i])).append('=').append(enc(nameValues[i + 1]));
        }
        return new Request("POST", path, s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
