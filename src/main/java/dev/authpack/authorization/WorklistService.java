package dev.authpack.authorization;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.CaseProgress;
import dev.authpack.casefile.CaseService;
import dev.authpack.document.DocumentStore;
import dev.authpack.document.DocumentView;
import dev.authpack.security.Actors;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The worklist of the signed-in user's clinic, for {@code GET /api/v1/worklist} and the start page alike. */
@Service
class WorklistService {

    /** The start page's own list, beside the contract's five. */
    static final String TO_FINISH = "toFinish";

    private final CaseService cases;
    private final AuthorizationService authorizations;
    private final RenewalService renewals;
    private final DocumentStore documents;
    private final AuditLog audit;

    WorklistService(CaseService cases, AuthorizationService authorizations, RenewalService renewals,
                    DocumentStore documents, AuditLog audit) {
        this.cases = cases;
        this.authorizations = authorizations;
        this.renewals = renewals;
        this.documents = documents;
        this.audit = audit;
    }

    /**
     * The start page: the worklist's counts and the sections as shown (a preview of each list, or a page of
     * the one shown in full), the cases still to finish among them.
     */
    record Page(Worklist worklist, List<WorklistSection> sections) {
    }

    /**
     * The worklist alone ({@code GET /api/v1/worklist}), each list whole or its first {@code limit} items (null:
     * whole), audited once with the cases it names.
     */
    @Transactional(readOnly = true)
    Worklist today(WorklistSort sort, Integer limit) {
        Worklist whole = read(sort).worklist();
        Worklist list = limit == null ? whole : whole.first(limit);
        audit.recordList(AuditAction.WORKLIST_VIEWED, casesOn(list).toList());
        return list;
    }

    /**
     * The worklist, and the cases still to finish before they can be sent (see {@link WorklistRules#toFinish}),
     * which only the start page lists, each list cut as {@link WorklistSection} says. The view is audited
     * once, with every case the page shows (not those its counts only count).
     */
    @Transactional(readOnly = true)
    Page page(WorklistSort sort, String show, int page) {
        Read read = read(sort);
        List<WorklistSection> sections = Stream.concat(
                Worklist.LISTS.stream().map(name -> WorklistSection.of(name, read.worklist().list(name), show, page)),
                Stream.of(WorklistSection.of(TO_FINISH, read.toFinish(), show, page))).toList();
        audit.recordList(AuditAction.WORKLIST_VIEWED,
                sections.stream().flatMap(s -> s.items().stream()).map(WorkItem::caseId).toList());
        return new Page(read.worklist(), sections);
    }

    private record Read(Worklist worklist, List<WorkItem> toFinish) {
    }

    private static Stream<UUID> casesOn(Worklist list) {
        return Worklist.LISTS.stream().flatMap(name -> list.list(name).stream()).map(WorkItem::caseId);
    }

    /**
     * One query per kind of row, none per case: the case columns, the authorizations, the packets (which cases
     * have one, and each case's newest) and the renewals. (Reading the case and its documents for each ready
     * case cost a busy clinic two round trips each: 810 statements for 400 ready cases.)
     */
    private Read read(WorklistSort sort) {
        String clinic = Actors.current().clinicId();
        List<CaseProgress> all = cases.progress();
        Map<UUID, Authorization> auths = authorizations.forWorklist(clinic);
        DocumentStore.ClinicPackets packets = documents.packets(clinic);
        Map<UUID, UUID> renewedBy = new HashMap<>();
        renewals.previousByCase(clinic).forEach((next, previous) -> renewedBy.putIfAbsent(previous, next));
        Map<UUID, Instant> changed = new HashMap<>();
        List<WorklistRules.CaseState> states = all.stream().map(c -> {
            changed.put(c.id(), c.updatedAt());
            Authorization a = auths.getOrDefault(c.id(), Authorization.NONE);
            boolean hasPacket = packets.withPacket().contains(c.id());
            boolean ready = a.status() == AuthStatus.NOT_SUBMITTED && c.complete() && hasPacket;
            DocumentView packet = packets.newest().get(c.id());
            boolean outdated = ready && packet != null && packet.madeBefore(c.version(), c.updatedAt());
            return new WorklistRules.CaseState(c.id(), c.patientName(), c.sortKey(), c.complete(), hasPacket,
                    ready ? c.requestedStart() : null, a, renewedBy.get(c.id()), outdated);
        }).toList();
        Worklist list = WorklistRules.build(states, authorizations.today());
        return new Read(sort == null ? list : sort.apply(list),
                WorklistRules.toFinish(states, changed, authorizations::dayOf));
    }
}
