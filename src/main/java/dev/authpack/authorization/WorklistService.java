package dev.authpack.authorization;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.CaseSummary;
import dev.authpack.casefile.StoredCase;
import dev.authpack.document.DocumentKind;
import dev.authpack.document.DocumentStore;
import dev.authpack.security.Actors;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The worklist of the signed-in user's clinic, for {@code GET /api/v1/worklist} and the start page alike. */
@Service
class WorklistService {

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

    /** The start page: the worklist and the cases still to finish, from one reading of the clinic's cases. */
    record Page(Worklist worklist, List<WorkItem> toFinish) {
    }

    /** The worklist alone ({@code GET /api/v1/worklist}), audited once with the cases it names. */
    @Transactional(readOnly = true)
    Worklist today(WorklistSort sort) {
        Worklist list = read(sort).worklist();
        audit.recordList(AuditAction.WORKLIST_VIEWED, casesOn(list).toList());
        return list;
    }

    /**
     * The worklist, and the cases still to finish before they can be sent (see
     * {@link WorklistRules#toFinish}), which only the start page lists. The view is audited once, with every
     * case either shows.
     */
    @Transactional(readOnly = true)
    Page page(WorklistSort sort) {
        Page page = read(sort);
        audit.recordList(AuditAction.WORKLIST_VIEWED,
                Stream.concat(casesOn(page.worklist()), page.toFinish().stream().map(WorkItem::caseId)).toList());
        return page;
    }

    private static Stream<UUID> casesOn(Worklist list) {
        return Worklist.LISTS.stream().flatMap(name -> list.list(name).stream()).map(WorkItem::caseId);
    }

    private Page read(WorklistSort sort) {
        String clinic = Actors.current().clinicId();
        List<CaseSummary> all = cases.list(null);
        Map<UUID, Authorization> auths = authorizations.forClinic(clinic);
        Set<UUID> packets = documents.casesWith(clinic, Set.of(DocumentKind.PACKET));
        Map<UUID, UUID> renewedBy = new HashMap<>();
        renewals.previousByCase(clinic).forEach((next, previous) -> renewedBy.putIfAbsent(previous, next));
        Map<UUID, LocalDate> changed = new HashMap<>();
        List<WorklistRules.CaseState> states = all.stream().map(c -> {
            changed.put(c.id(), authorizations.dayOf(c.updatedAt()));
            Authorization a = auths.getOrDefault(c.id(), Authorization.NONE);
            boolean ready = a.status() == AuthStatus.NOT_SUBMITTED && c.complete() && packets.contains(c.id());
            // the case and its packet are read only for the few cases that can be ready to submit
            StoredCase stored = ready ? cases.read(c.id()) : null;
            LocalDate start = ready ? stored.data().request().startDate() : null;
            boolean outdated = ready && documents.latestPacket(c.id(), clinic).filter(p -> p.madeBefore(stored)).isPresent();
            return new WorklistRules.CaseState(c.id(), c.patientName(), c.complete(), packets.contains(c.id()), start,
                    a, renewedBy.get(c.id()), outdated);
        }).toList();
        Worklist list = WorklistRules.build(states, authorizations.today());
        return new Page(sort == null ? list : sort.apply(list), WorklistRules.toFinish(states, changed));
    }
}
