package dev.authpack.document;

import dev.authpack.casefile.PatientSearch;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The immutable document store. Callers save only a finished PDF, so a generation that fails midway
 * leaves nothing behind; every read is scoped to a clinic, so another clinic's document is simply
 * not found.
 */
@Service
public class DocumentStore {

    /** The documents sent to the payer as the request: what a submission needs and the case page previews. */
    private static final Set<DocumentKind> PACKETS = Set.of(DocumentKind.PACKET,
            DocumentKind.EXCEPTION_PACKET);

    /**
     * At most this many case ids go into one query as bind parameters: a search finding more (a clinic of 40,000
     * cases searched for "a") failed on PostgreSQL, whose driver takes at most 32,767 parameters a statement.
     */
    static final int MAX_CASES_IN_QUERY = 1_000;

    private final DocumentRepository documents;
    private final Clock clock;

    DocumentStore(DocumentRepository documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @Transactional
    public DocumentView save(NewDocument document) {
        StoredDocument row = new StoredDocument(UUID.randomUUID(), document,
                clock.instant().truncatedTo(ChronoUnit.MICROS)); // what both databases keep
        return documents.save(row).view();
    }

    /** The case's documents, newest first, without their bytes. */
    @Transactional(readOnly = true)
    public List<DocumentView> list(UUID caseId, String clinicId) {
        return documents.listForCase(caseId.toString(), clinicId).stream().map(DocumentRepository.Row::view).toList();
    }

    /** The case's newest packet (of {@link #PACKETS}), if it has one. */
    @Transactional(readOnly = true)
    public Optional<DocumentView> latestPacket(UUID caseId, String clinicId) {
        return latestPacket(list(caseId, clinicId));
    }

    /**
     * The clinic's packets in one query, for a list of its cases, which asking {@link #latestPacket(UUID, String)}
     * case by case would cost a round trip each: the cases that have a {@link DocumentKind#PACKET}, and each case's
     * newest packet of either kind ({@link #PACKETS}).
     */
    @Transactional(readOnly = true)
    public ClinicPackets packets(String clinicId) {
        Map<UUID, DocumentView> newest = new HashMap<>();
        Set<UUID> withPacket = new HashSet<>();
        documents.listForClinic(clinicId, PACKETS).forEach(r -> {
            UUID caseId = UUID.fromString(r.caseId());
            newest.putIfAbsent(caseId, r.view());
            if (r.kind() == DocumentKind.PACKET) {
                withPacket.add(caseId);
            }
        });
        return new ClinicPackets(withPacket, newest);
    }

    /** What {@link #packets} answers: the cases with a PACKET, and each case's newest packet of either kind. */
    public record ClinicPackets(Set<UUID> withPacket, Map<UUID, DocumentView> newest) {
    }

    /** The newest packet among a case's documents listed newest first, as {@link #list} answers them. */
    public static Optional<DocumentView> latestPacket(List<DocumentView> newestFirst) {
        return newestFirst.stream().filter(d -> PACKETS.contains(d.kind())).findFirst();
    }

    /**
     * A page of the clinic's documents as Recent documents lists them (see {@link RecentFilter}). A search finds the
     * patient's cases by the case list's own rule, in Java over a few columns a case (as the case list does); the
     * database then pages those cases' documents, or, when the search finds more than {@link #MAX_CASES_IN_QUERY}
     * cases ("a", say), the documents are picked by case from the clinic's list of ids and only the page's are read.
     * A page past the end is the last page (the first when nothing matches), as on the case list. Identical copies of
     * a document are one row, as on the case page ({@link IdenticalCopies}): each page, count and last page is of rows.
     */
    @Transactional(readOnly = true)
    RecentPage recent(String clinicId, RecentFilter filter) {
        PatientSearch patient = filter.patient();
        if (patient.isEmpty()) {
            return lastIfPastTheEnd(filter, f -> page(clinicId, f, null),
                    () -> documents.countForClinic(clinicId, filter.kinds()));
        }
        List<String> cases = documents.searchedCases(clinicId).stream()
                .filter(c -> patient.matches(c.patientName(), c.firstName(), c.lastName(), c.dateOfBirth(),
                        c.memberId()))
                .map(DocumentRepository.Searched::caseId).toList();
        if (cases.isEmpty()) {
            return new RecentPage(List.of(), false, filter.onPage(1));
        }
        if (cases.size() > MAX_CASES_IN_QUERY) {
            return picked(clinicId, filter, Set.copyOf(cases));
        }
        return lastIfPastTheEnd(filter, f -> page(clinicId, f, cases),
                () -> documents.countForCases(clinicId, filter.kinds(), cases));
    }

    /** The page asked for, or the last one instead of an empty one past the end: only then are the documents counted. */
    private static RecentPage lastIfPastTheEnd(RecentFilter asked, Function<RecentFilter, RecentPage> read,
                                               LongSupplier count) {
        RecentPage page = read.apply(asked);
        if (!page.rows().isEmpty() || asked.page() == 1) {
            return page;
        }
        long total = count.getAsLong();
        RecentFilter last = asked.onPage(lastPage(total));
        return total == 0 ? new RecentPage(List.of(), false, last) : read.apply(last);
    }

    /** One page of the clinic's documents, of these cases (null: every case). */
    private RecentPage page(String clinicId, RecentFilter filter, List<String> cases) {
        Slice<DocumentRepository.Listed> page = cases != null
                ? documents.recentForCases(clinicId, filter.kinds(), cases, filter.pageable())
                : filter.kind() == null ? documents.recentForClinic(clinicId, filter.pageable())
                : documents.recentForClinicOfKind(clinicId, filter.kind(), filter.pageable());
        return new RecentPage(withCopies(clinicId, filter, page.getContent()), page.hasNext(), filter);
    }

    /**
     * The page's rows, each with its older identical copies, as the case page folds them ({@link IdenticalCopies}):
     * the database paged over the newest of each (so a page is 50 distinct documents); the copies of the page's
     * documents are read in one more query, by the page's cases, and folded by the same rule.
     */
    private List<RecentDocument> withCopies(String clinicId, RecentFilter filter, List<DocumentRepository.Listed> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Set<String> cases = page.stream().map(DocumentRepository.Listed::caseId).collect(Collectors.toSet());
        Map<UUID, List<DocumentView>> earlier = new HashMap<>();
        IdenticalCopies.of(documents.copiesOf(clinicId, filter.kinds(), cases).stream()
                .map(DocumentRepository.Row::view).toList()).forEach(c -> earlier.put(c.newest().id(), c.earlier()));
        return page.stream().map(DocumentRepository.Listed::recent)
                .map(r -> r.withEarlier(earlier.getOrDefault(r.document().id(), List.of()))).toList();
    }

    /**
     * A page of the documents of many cases: their ids picked from the clinic's (two short columns a document), then
     * the page's 50 read in full. Never an IN list of thousands of case ids (see {@link #MAX_CASES_IN_QUERY}).
     */
    private RecentPage picked(String clinicId, RecentFilter filter, Set<String> cases) {
        List<String> ids = documents.refsForClinic(clinicId, filter.kinds()).stream()
                .filter(d -> cases.contains(d.caseId())).map(DocumentRepository.Ref::id).toList();
        RecentFilter shown = filter.onPage(Math.min(filter.page(), lastPage(ids.size())));
        int from = shown.first() - 1;
        List<String> onPage = ids.subList(Math.min(from, ids.size()), Math.min(from + RecentFilter.PAGE_SIZE, ids.size()));
        List<RecentDocument> rows = onPage.isEmpty() ? List.of()
                : withCopies(clinicId, filter, documents.recentByIds(clinicId, filter.kinds(), onPage));
        return new RecentPage(rows, from + RecentFilter.PAGE_SIZE < ids.size(), shown);
    }

    /** The number of the last page of {@code total} documents; 1 when there are none. */
    private static int lastPage(long total) {
        return (int) Math.max(1, (total + RecentFilter.PAGE_SIZE - 1) / RecentFilter.PAGE_SIZE);
    }

    /** The stored bytes and their record, if the document belongs to the clinic. */
    @Transactional(readOnly = true)
    public Optional<DocumentContent> content(UUID id, String clinicId) {
        return documents.findByIdAndClinicId(id.toString(), clinicId)
                .map(d -> new DocumentContent(d.view(), d.content()));
    }

    /** A document's record and its exact stored bytes. */
    public record DocumentContent(DocumentView document, byte[] bytes) {
    }
}
