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
     * patient's cases by the case list's own rule, in Java over a few columns a case (as the case list does), and
     * the database then pages those cases' documents; without one, the database pages the clinic's. A page past
     * the end is the last page (the first when nothing matches), as on the case list: only then are the
     * documents counted.
     */
    @Transactional(readOnly = true)
    RecentPage recent(String clinicId, RecentFilter filter) {
        PatientSearch patient = filter.patient();
        List<String> cases = patient.isEmpty() ? null : documents.searchedCases(clinicId).stream()
                .filter(c -> patient.matches(c.patientName(), c.firstName(), c.lastName(), c.dateOfBirth(),
                        c.memberId()))
                .map(DocumentRepository.Searched::caseId).toList();
        RecentPage page = page(clinicId, filter, cases);
        if (page.rows().isEmpty() && filter.page() > 1) {
            long count = cases == null ? documents.countForClinic(clinicId, filter.kinds())
                    : cases.isEmpty() ? 0 : documents.countForCases(clinicId, filter.kinds(), cases);
            page = page(clinicId, filter.onPage((int) Math.max(1, (count + RecentFilter.PAGE_SIZE - 1)
                    / RecentFilter.PAGE_SIZE)), cases);
        }
        return page;
    }

    /** One page of the clinic's documents, of these cases (null: every case; empty: none). */
    private RecentPage page(String clinicId, RecentFilter filter, List<String> cases) {
        if (cases != null && cases.isEmpty()) {
            return new RecentPage(List.of(), false, filter);
        }
        Slice<DocumentRepository.Listed> page = cases == null
                ? documents.recentForClinic(clinicId, filter.kinds(), filter.pageable())
                : documents.recentForCases(clinicId, filter.kinds(), cases, filter.pageable());
        return new RecentPage(page.getContent().stream().map(DocumentRepository.Listed::recent).toList(),
                page.hasNext(), filter);
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
