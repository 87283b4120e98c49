package dev.authpack.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.PatientNameKey;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.RenderedPdf;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The store's behaviour, run against each database the migrations must support. */
abstract class DocumentStoreContract {

    @Autowired
    DocumentStore store;
    @Autowired
    JdbcTemplate jdbc;

    UUID caseId;

    @BeforeEach
    void aCase() {
        caseId = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO clinics (id, name) SELECT 'north', 'North' WHERE NOT EXISTS (SELECT 1 FROM clinics WHERE id = 'north')");
        jdbc.update("INSERT INTO cases (id, clinic_id, created_by, updated_by, status, complete, version, created_at, "
                + "updated_at, data) VALUES (?, 'north', 'north.billing', 'north.billing', 'DRAFT', FALSE, 0, ?, ?, '{}')",
                caseId.toString(), java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()));
    }

    /** A case of {@code clinic} whose patient is {@code patientName} (null: not named yet), as the case list keeps it. */
    UUID aCase(String clinic, String patientName) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO clinics (id, name) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM clinics WHERE id = ?)",
                clinic, clinic, clinic);
        jdbc.update("INSERT INTO cases (id, clinic_id, created_by, updated_by, status, complete, version, created_at, "
                + "updated_at, data, patient_name, patient_name_key) VALUES (?, ?, 'test', 'test', 'DRAFT', FALSE, 0, ?, ?, "
                + "'{}', ?, ?)", id.toString(), clinic, java.sql.Timestamp.from(Instant.now()),
                java.sql.Timestamp.from(Instant.now()), patientName, PatientNameKey.of(patientName));
        return id;
    }

    DocumentView document(UUID kase, String clinic, DocumentKind kind) {
        return store.save(new NewDocument(kase, clinic, kind, pdf(new byte[]{3}, 1), null, null, "test"));
    }

    static RenderedPdf pdf(byte[] bytes, int pages) {
        return new RenderedPdf(bytes, pages, PdfRenderer.sha256(bytes), "test 1");
    }

    @Test
    void storedBytesComeBackExactlyWithTheirHash() {
        byte[] bytes = new byte[300_000];
        new java.util.Random(7).nextBytes(bytes);
        DocumentView saved = store.save(new NewDocument(caseId, "north", DocumentKind.PACKET, pdf(bytes, 6),
                "esketamine-standard", "2026.1", "north.billing"));

        DocumentStore.DocumentContent back = store.content(saved.id(), "north").orElseThrow();
        assertThat(back.bytes()).isEqualTo(bytes);
        assertThat(PdfRenderer.sha256(back.bytes())).isEqualTo(saved.sha256());
        assertThat(back.document()).isEqualTo(saved);
        assertThat(saved.pages()).isEqualTo(6);
        assertThat(saved.templateVersion()).isEqualTo("test 1");
    }

    @Test
    void anotherClinicsDocumentIsNotFound() {
        DocumentView saved = store.save(new NewDocument(caseId, "north", DocumentKind.ESTIMATE, pdf(new byte[]{1}, 1),
                null, null, "north.billing"));
        assertThat(store.content(saved.id(), "south")).isEmpty();
        assertThat(store.list(caseId, "south")).isEmpty();
    }

    @Test
    void listIsNewestFirst() throws Exception {
        DocumentView first = store.save(new NewDocument(caseId, "north", DocumentKind.PACKET, pdf(new byte[]{1}, 1),
                null, null, "north.billing"));
        // the same instant for both: the order must not depend on the clock's resolution
        jdbc.update("UPDATE documents SET created_at = (SELECT created_at FROM documents WHERE id = ?) WHERE case_id = ?",
                first.id().toString(), caseId.toString());
        DocumentView second = store.save(new NewDocument(caseId, "north", DocumentKind.EXCEPTION_PACKET,
                pdf(new byte[]{2}, 1), null, null, "north.billing"));
        List<DocumentView> listed = store.list(caseId, "north");
        assertThat(listed).extracting(DocumentView::id).containsExactly(second.id(), first.id());
    }

    /**
     * Recent documents folds identical copies of a document under the newest, by the case page's rule
     * ({@link IdenticalCopies}) in the database's paging: one case, kind, language (none and "" are one), case version
     * and policy version (none and "" are one) make copies; a document without a case version is never a copy; two
     * copies made in one instant are told apart by the order they were stored in. The rows and their copies are the
     * ones the Java rule gives for the same documents.
     */
    @Test
    void recentFoldsIdenticalCopiesUnderTheNewestByTheCasePagesRule() {
        UUID kase = aCase("north", "Dana Copystore");
        UUID other = aCase("north", "Dana Copystore");
        DocumentView a = copy(kase, DocumentKind.PACKET, "en", 3L, "2026.1");
        DocumentView b = copy(kase, DocumentKind.PACKET, "en", 3L, "2026.1");
        jdbc.update("UPDATE documents SET created_at = (SELECT created_at FROM documents WHERE id = ?) WHERE id = ?",
                a.id().toString(), b.id().toString());
        DocumentView otherPolicy = copy(kase, DocumentKind.PACKET, "en", 3L, "2026.2");
        DocumentView spanish = copy(kase, DocumentKind.PACKET, "es", 3L, "2026.1");
        DocumentView estimate = copy(kase, DocumentKind.ESTIMATE, "en", 3L, "2026.1");
        DocumentView nextVersion = copy(kase, DocumentKind.PACKET, "en", 4L, "2026.1");
        DocumentView noLanguage = copy(kase, DocumentKind.PACKET, null, 3L, null);
        DocumentView emptyLanguage = copy(kase, DocumentKind.PACKET, "", 3L, "");
        DocumentView unversioned = copy(kase, DocumentKind.PACKET, "en", null, "2026.1");
        DocumentView unversionedAgain = copy(kase, DocumentKind.PACKET, "en", null, "2026.1");
        DocumentView otherCase = copy(other, DocumentKind.PACKET, "en", 3L, "2026.1");
        // an administrator's edited template says other things of the same case: not a copy of the packet before it
        DocumentView newTemplate = store.save(new NewDocument(kase, "north", DocumentKind.PACKET,
                new RenderedPdf(UUID.randomUUID().toString().getBytes(), 2, "0".repeat(64), "test 2"),
                "esketamine-standard", "2026.1", "test", 3L, "en"));

        List<RecentDocument> rows = store.recent("north", RecentFilter.of("copystore", null, "1")).rows();

        assertThat(rows).extracting(r -> r.document().id()).containsExactly(newTemplate.id(), otherCase.id(),
                unversionedAgain.id(), unversioned.id(), emptyLanguage.id(), nextVersion.id(), estimate.id(),
                spanish.id(), otherPolicy.id(), b.id());
        assertThat(rows.get(4).earlier()).containsExactly(noLanguage);
        assertThat(rows.get(9).earlier()).containsExactly(a);
        assertThat(rows).filteredOn(r -> r != rows.get(4) && r != rows.get(9)).allMatch(r -> r.earlier().isEmpty());
        // both cases' documents newest first, as Recent documents lists them (a stable sort keeps each case's order)
        List<DocumentView> newestFirst = java.util.stream.Stream.concat(store.list(kase, "north").stream(),
                        store.list(other, "north").stream())
                .sorted(java.util.Comparator.comparing(DocumentView::createdAt).reversed()).toList();
        List<IdenticalCopies.Copies> byJava = IdenticalCopies.of(newestFirst);
        assertThat(rows).extracting(r -> new IdenticalCopies.Copies(r.document(), r.earlier())).isEqualTo(byJava);
        assertThat(store.recent("north", RecentFilter.of("copystore", "ESTIMATE", "1")).rows())
                .extracting(r -> r.document().id()).containsExactly(estimate.id());
        // without a search, other statements page the clinic's list (every kind, or one): the same rows in the same
        // order, among the clinic's newest
        assertThat(store.recent("north", RecentFilter.of("", null, "1")).rows())
                .filteredOn(r -> r.document().caseId().equals(kase) || r.document().caseId().equals(other)).isEqualTo(rows);
        assertThat(store.recent("north", RecentFilter.of("", "ESTIMATE", "1")).rows())
                .filteredOn(r -> r.document().caseId().equals(kase)).extracting(r -> r.document().id())
                .containsExactly(estimate.id());
    }

    /**
     * An estimate of the same case version made after the fee schedule was raised says other amounts: it is no copy
     * of the one made before, in the database's paging and in the Java rule, while two made from the same content
     * are. Documents made before content versions were recorded (none) keep folding among themselves as before, none
     * and "" being one, and are no copies of a document that records them.
     */
    @Test
    void aDocumentMadeFromOtherVersionsOfTheContentIsNoIdenticalCopy() {
        UUID kase = aCase("north", "Dana Feestore");
        DocumentView unrecorded = estimate(kase, null);
        DocumentView unrecordedAgain = estimate(kase, "");
        DocumentView before = estimate(kase, "fee-schedules clinic-standard 2026.1; codes FY2026");
        DocumentView raised = estimate(kase, "fee-schedules clinic-standard 2026.2; codes FY2026");
        DocumentView raisedAgain = estimate(kase, "fee-schedules clinic-standard 2026.2; codes FY2026");

        List<RecentDocument> rows = store.recent("north", RecentFilter.of("feestore", null, "1")).rows();

        assertThat(rows).extracting(r -> r.document().id())
                .containsExactly(raisedAgain.id(), before.id(), unrecordedAgain.id());
        assertThat(rows.get(0).earlier()).containsExactly(raised);
        assertThat(rows.get(1).earlier()).isEmpty();
        assertThat(rows.get(2).earlier()).containsExactly(unrecorded);
        assertThat(rows).extracting(r -> new IdenticalCopies.Copies(r.document(), r.earlier()))
                .isEqualTo(IdenticalCopies.of(store.list(kase, "north")));
        assertThat(raised.contentVersions()).isEqualTo("fee-schedules clinic-standard 2026.2; codes FY2026");
    }

    private DocumentView estimate(UUID kase, String contentVersions) {
        return store.save(new NewDocument(kase, "north", DocumentKind.ESTIMATE,
                pdf(UUID.randomUUID().toString().getBytes(), 2), null, null, "test", 3L, "en", contentVersions));
    }

    private DocumentView copy(UUID kase, DocumentKind kind, String language, Long caseVersion, String policyVersion) {
        return store.save(new NewDocument(kase, "north", kind, pdf(UUID.randomUUID().toString().getBytes(), 2),
                "esketamine-standard", policyVersion, "test", caseVersion, language));
    }

    /**
     * Recent documents finds a patient's documents by part of the name in any case, across the
     * patient's cases, narrowed by kind, newest first; never another clinic's, in the database's query.
     */
    @Test
    void recentFindsByPartOfThePatientsNameAndByKindOnlyInTheClinic() {
        UUID covered = aCase("north", "Dana Twinstore");
        UUID selfPay = aCase("north", "Dana Twinstore");
        UUID other = aCase("north", "Dana Elsewhere");
        UUID south = aCase("south", "Dana Twinstore");
        DocumentView packet = document(covered, "north", DocumentKind.PACKET);
        DocumentView estimate = document(selfPay, "north", DocumentKind.ESTIMATE);
        document(other, "north", DocumentKind.ESTIMATE);
        document(south, "south", DocumentKind.ESTIMATE);

        RecentPage byName = store.recent("north", RecentFilter.of("TWINstore", null, "1"));
        assertThat(byName.rows()).extracting(r -> r.document().id()).containsExactly(estimate.id(), packet.id());
        assertThat(byName.rows()).extracting(RecentDocument::patientName).containsOnly("Dana Twinstore");
        assertThat(byName.hasOlder()).isFalse();
        assertThat(store.recent("north", RecentFilter.of("twinstore", "ESTIMATE", "1")).rows())
                .extracting(r -> r.document().id()).containsExactly(estimate.id());
        assertThat(store.recent("south", RecentFilter.of("twinstore", null, "1")).rows())
                .extracting(r -> r.document().caseId()).containsExactly(south);
    }

    /**
     * A name typed as it is shown, or in other letter case, finds the patient whatever the database's locale: on
     * PostgreSQL, SQL {@code lower()} folds by the database's locale (a {@code C} database leaves "Á" alone, a
     * glibc one turns "İ" into "i" and never writes a final "ς"), which did not agree with the search text,
     * lower-cased by Java. Found by the session 23 H2/PostgreSQL differential test.
     */
    @Test
    void recentFindsANameWithCapitalAccentedAndGreekLettersAsTyped() {
        UUID accented = aCase("north", "ÁLVAREZ Ñuñez");
        UUID turkish = aCase("north", "İSMAİL Yıldız");
        UUID greek = aCase("north", "ΟΔΥΣΣΕΥΣ Παπαδόπουλος");
        DocumentView a = document(accented, "north", DocumentKind.ESTIMATE);
        DocumentView t = document(turkish, "north", DocumentKind.ESTIMATE);
        DocumentView g = document(greek, "north", DocumentKind.ESTIMATE);

        for (String typed : List.of("ÁLVAREZ", "álvarez", "Álvarez ñuñez", "ÑUÑEZ")) {
            assertThat(store.recent("north", RecentFilter.of(typed, null, "1")).rows()).as(typed)
                    .extracting(r -> r.document().id()).containsExactly(a.id());
        }
        for (String typed : List.of("İSMAİL", "İSMAİL Yıldız", "Yıldız")) {
            assertThat(store.recent("north", RecentFilter.of(typed, null, "1")).rows()).as(typed)
                    .extracting(r -> r.document().id()).containsExactly(t.id());
        }
        for (String typed : List.of("ΟΔΥΣΣΕΥΣ", "Οδυσσευς", "ΠΑΠΑΔΌΠΟΥΛΟΣ")) {
            assertThat(store.recent("north", RecentFilter.of(typed, null, "1")).rows()).as(typed)
                    .extracting(r -> r.document().id()).containsExactly(g.id());
        }
    }

    /**
     * A clerk on an English keyboard types a name without its accents: "ibanez" finds "IBÁÑEZ, Dolores",
     * "strauss" finds "Strauß", "lukasz" finds "Łukasz", and the name typed with its accents still finds it.
     */
    @Test
    void recentFindsAnAccentedNameTypedWithoutItsAccents() {
        DocumentView a = document(aCase("north", "IBÁÑEZ, Dolores"), "north", DocumentKind.ESTIMATE);
        DocumentView s = document(aCase("north", "Strauß, Łukasz"), "north", DocumentKind.ESTIMATE);
        document(aCase("north", "Ibarra, Nina"), "north", DocumentKind.ESTIMATE);

        for (String typed : List.of("ibanez", "IBANEZ, dolores", "Ibáñez", "ibañez")) {
            assertThat(store.recent("north", RecentFilter.of(typed, null, "1")).rows()).as(typed)
                    .extracting(r -> r.document().id()).containsExactly(a.id());
        }
        for (String typed : List.of("strauss", "STRAUSS, LUKASZ", "Strauß", "łukasz")) {
            assertThat(store.recent("north", RecentFilter.of(typed, null, "1")).rows()).as(typed)
                    .extracting(r -> r.document().id()).containsExactly(s.id());
        }
    }

    /**
     * A search holding a character no name has (a NUL, a control character) finds nothing, on every database: the
     * page keeps the search in the session, and PostgreSQL, whose text cannot hold a NUL, answered the LIKE with
     * an error, so Recent documents was a 500 for that clerk until the search was cleared. Found by the session 23
     * H2/PostgreSQL differential test.
     */
    @Test
    void recentFindsNothingForASearchWithAControlCharacter() {
        document(aCase("north", "Dana Nulstore"), "north", DocumentKind.ESTIMATE);

        for (String typed : List.of("Nulstore\u0000", "\u0000", "Nul\u0007store")) {
            assertThat(store.recent("north", RecentFilter.of(typed, null, "1")).rows()).as(typed).isEmpty();
        }
        assertThat(store.recent("north", RecentFilter.of("nulstore", null, "1")).rows()).hasSize(1);
    }

    @Test
    void recentTakesTheNamesPatternCharactersLiterallyAndFindsNoUnnamedCaseByName() {
        UUID underscore = aCase("north", "Ann O_Brienlit");
        UUID letter = aCase("north", "Ann OxBrienlit");
        UUID unnamed = aCase("north", null);
        DocumentView found = document(underscore, "north", DocumentKind.ESTIMATE);
        document(letter, "north", DocumentKind.ESTIMATE);
        DocumentView noName = document(unnamed, "north", DocumentKind.APPEAL_PACKET);

        assertThat(store.recent("north", RecentFilter.of("o_brienlit", null, "1")).rows())
                .extracting(r -> r.document().id()).containsExactly(found.id());
        assertThat(store.recent("north", RecentFilter.of("%brienlit", null, "1")).rows()).isEmpty();
        assertThat(store.recent("north", RecentFilter.of("", "APPEAL_PACKET", "1")).rows())
                .filteredOn(r -> r.document().id().equals(noName.id())).singleElement()
                .satisfies(r -> assertThat(r.patientName()).isNull());
    }

    /**
     * A search that finds more cases than one query takes as parameters ("a" at a large clinic) still pages their
     * documents newest first, and past the end shows the last page: the case ids went into one IN list, which
     * PostgreSQL's driver refused beyond 32,767 (the page failed).
     */
    @Test
    void recentPagesTheDocumentsOfASearchFindingMoreCasesThanOneQueryTakes() {
        int many = DocumentStore.MAX_CASES_IN_QUERY + 1;
        List<Object[]> rows = new java.util.ArrayList<>();
        List<UUID> cases = new java.util.ArrayList<>();
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        for (int i = 0; i < many; i++) {
            UUID id = UUID.randomUUID();
            cases.add(id);
            rows.add(new Object[] {id.toString(), now, now, "Dana Broadstore" + i, "dana broadstore" + i});
        }
        jdbc.batchUpdate("INSERT INTO cases (id, clinic_id, created_by, updated_by, status, complete, version, created_at, "
                + "updated_at, data, patient_name, patient_name_key) VALUES (?, 'north', 'test', 'test', 'DRAFT', FALSE, 0, "
                + "?, ?, '{}', ?, ?)", rows);
        List<DocumentView> saved = new java.util.ArrayList<>();
        for (int i = 0; i < RecentFilter.PAGE_SIZE + 1; i++) {
            saved.add(document(cases.get(i * 19), "north", DocumentKind.ESTIMATE));
        }
        document(aCase("north", "Dana Elsewhere"), "north", DocumentKind.ESTIMATE);

        RecentPage first = store.recent("north", RecentFilter.of("broadstore", null, "1"));
        RecentPage pastTheEnd = store.recent("north", RecentFilter.of("BROADSTORE", null, "9"));

        List<UUID> newestFirst = new java.util.ArrayList<>(saved.stream().map(DocumentView::id).toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(first.rows()).extracting(r -> r.document().id())
                .containsExactlyElementsOf(newestFirst.subList(0, RecentFilter.PAGE_SIZE));
        assertThat(first.hasOlder()).isTrue();
        assertThat(pastTheEnd.filter().page()).isEqualTo(2);
        assertThat(pastTheEnd.rows()).extracting(r -> r.document().id()).containsExactly(saved.get(0).id());
        assertThat(pastTheEnd.hasOlder()).isFalse();
    }

    @Test
    void recentPagesFiftyAtATimeNewestFirst() {
        UUID kase = aCase("north", "Dana Pagestore");
        List<DocumentView> saved = new java.util.ArrayList<>();
        for (int i = 0; i < RecentFilter.PAGE_SIZE + 1; i++) {
            saved.add(document(kase, "north", DocumentKind.ESTIMATE));
        }

        RecentPage first = store.recent("north", RecentFilter.of("pagestore", null, "1"));
        RecentPage second = store.recent("north", RecentFilter.of("pagestore", null, "2"));

        assertThat(first.rows()).hasSize(50);
        assertThat(first.hasOlder()).isTrue();
        assertThat(first.rows().get(0).document().id()).isEqualTo(saved.get(50).id());
        assertThat(second.rows()).extracting(r -> r.document().id()).containsExactly(saved.get(0).id());
        assertThat(second.hasOlder()).isFalse();
        RecentPage pastTheEnd = store.recent("north", RecentFilter.of("pagestore", null, "3"));
        assertThat(pastTheEnd.filter().page()).as("past the end: the last page").isEqualTo(2);
        assertThat(pastTheEnd.rows()).extracting(r -> r.document().id()).containsExactly(saved.get(0).id());
        RecentPage nothing = store.recent("north", RecentFilter.of("pagestore", "APPEAL_PACKET", "3"));
        assertThat(nothing.rows()).isEmpty();
        assertThat(nothing.filter().page()).as("nothing matches: the first page").isEqualTo(1);
    }
}
