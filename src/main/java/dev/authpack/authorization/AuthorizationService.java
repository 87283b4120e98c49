package dev.authpack.authorization;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.core.ConflictException;
import dev.authpack.core.InputException;
import dev.authpack.document.DocumentStore;
import dev.authpack.document.DocumentView;
import dev.authpack.security.Actors;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Records authorization events and answers a case's authorization, for the API and the case page
 * alike. Every recorded or refused event is in the audit trail (action {@code AUTH_<TYPE>}).
 */
@Service
public class AuthorizationService {

    /** The page's hidden field (and problem name) for the number of events its timeline showed. */
    static final String SEEN_EVENTS = "seenEvents";

    private final CaseService cases;
    private final EventRepository events;
    private final DocumentStore documents;
    private final AuditLog audit;
    private final Clock clock;
    private final CaseAuthorizationRepository states;

    AuthorizationService(CaseService cases, EventRepository events, DocumentStore documents, AuditLog audit,
                         Clock clock, CaseAuthorizationRepository states) {
        this.cases = cases;
        this.events = events;
        this.states = states;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** What recording an event answers (contract: {@code {event, authorization, warnings}}). */
    public record Recorded(AuthEvent event, Authorization authorization, List<EventWarning> warnings) {
    }

    /**
     * A case's events, oldest first, each with the warnings it raised (the replay's, then those kept
     * with it when it was recorded), and the authorization they make.
     */
    public record Timeline(Authorization authorization, List<Entry> entries) {

        public record Entry(AuthEvent event, List<EventWarning> warnings) {
        }
    }

    @Transactional
    public Recorded record(UUID caseId, JsonNode body) {
        return record(caseId, body, OptionalInt.empty());
    }

    /**
     * As {@link #record(UUID, JsonNode)}, refused when {@code seenEvents} (the number of events the
     * sender's page showed) is fewer than the case now has: another tab or clerk recorded meanwhile.
     * Checked under the case's lock, like everything else here, so events sent at once are judged one
     * after the other; the unique (case, seq) constraint stays as a backstop. Empty: no check, as for
     * the API.
     */
    @Transactional
    public Recorded record(UUID caseId, JsonNode body, OptionalInt seenEvents) {
        // events sent at once (two clerks, a client's parallel SESSION_GIVEN) are judged one after the other;
        // the case is read after its lock is taken, so a save that committed while this waited for it (on
        // any instance) is the version the packet is compared with (PACKET_OUTDATED)
        cases.lockForChange(caseId);
        StoredCase stored = cases.read(caseId);
        List<EventRecord> rows = events.findByCaseIdAndClinicIdOrderBySeqAsc(caseId.toString(), stored.clinicId());
        List<EventData> past = rows.stream().map(r -> r.view().data()).toList();
        LocalDate today = today();
        Authorization current = Lifecycle.authorization(past, today);
        LocalDate previous = past.isEmpty() ? null : past.get(past.size() - 1).date();
        EventBinder.Result bound = EventBinder.bind(body, today, previous);
        AuditAction action = AuditAction.valueOf("AUTH_" + (bound.event() == null ? "EVENT" : bound.event().type().name()));
        // before the input problems: a date "before the previous event's" may be about an event the sender never saw
        if (seenEvents.isPresent()) {
            checkSeen(caseId, seenEvents.getAsInt(), rows, current, action);
        }
        if (!bound.problems().isEmpty()) {
            audit.record(action, caseId.toString(), null, AuditOutcome.REJECTED);
            throw new InputException(bound.problems());
        }
        EventData event = bound.event();
        Optional<DocumentView> packet = event.type() == EventType.SUBMITTED
                ? documents.latestPacket(caseId, stored.clinicId()) : Optional.empty();
        boolean hasPacket = event.type() != EventType.SUBMITTED || packet.isPresent();
        Refusals.check(event, current, hasPacket).ifPresent(r -> {
            audit.record(action, caseId.toString(), null, AuditOutcome.CONFLICT);
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("authStatus", r.status().name());
            members.put("allowed", r.allowed().stream().map(Enum::name).toList());
            throw new ConflictException(r.title(), r.detail(), members);
        });
        List<EventData> all = new ArrayList<>(past);
        all.add(event);
        // the event says what already happened (the fax went out), so it is recorded; the clerk is told the
        // payer may have a packet that no longer says what the case says, and so is whoever reads the
        // timeline later: the packet and the case of this moment cannot be compared again, so the warning
        // is kept with the event
        List<EventWarning> kept = packet.filter(p -> p.madeBefore(stored)).isPresent()
                ? List.of(EventWarning.PACKET_OUTDATED) : List.of();
        EventRecord saved;
        try {
            saved = events.saveAndFlush(new EventRecord(caseId, stored.clinicId(), rows.size() + 1, event, kept,
                    Actors.current().username(), clock.instant()));
            states.saveAndFlush(states.findById(caseId.toString())
                    .orElseGet(() -> new CaseAuthorizationRecord(caseId, stored.clinicId()))
                    .set(Lifecycle.recorded(all)));
        } catch (DataIntegrityViolationException e) {
            audit.record(action, caseId.toString(), null, AuditOutcome.CONFLICT);
            throw new ConflictException("Recorded at the same moment", "Another event was recorded on this case at the"
                    + " same moment. Reload the case and try again.", Map.of("authStatus", current.status().name()));
        }
        Lifecycle.Replay replay = Lifecycle.replay(all, today);
        // in this transaction: a row of its own, committed first, outlived an event lost to a crash
        audit.recordWithWrite(action, caseId.toString(), null);
        List<EventWarning> warnings = new ArrayList<>(replay.warnings().get(all.size() - 1));
        warnings.addAll(kept);
        return new Recorded(saved.view(), replay.authorization(), List.copyOf(warnings));
    }

    private void checkSeen(UUID caseId, int seen, List<EventRecord> rows, Authorization current, AuditAction action) {
        if (seen < 0 || seen > rows.size()) {
            audit.record(action, caseId.toString(), null, AuditOutcome.REJECTED);
            throw new InputException(SEEN_EVENTS, "must be the number of events the page showed, from 0 to " + rows.size());
        }
        if (seen < rows.size()) {
            audit.record(action, caseId.toString(), null, AuditOutcome.CONFLICT);
            throw new ChangedSinceException(rows.subList(seen, rows.size()).stream().map(EventRecord::view).toList(),
                    current.status());
        }
    }

    /** The case's timeline; the caller audits the read of the case. */
    @Transactional(readOnly = true)
    public Timeline timeline(StoredCase stored) {
        List<AuthEvent> list = events.findByCaseIdAndClinicIdOrderBySeqAsc(stored.id().toString(), stored.clinicId())
                .stream().map(EventRecord::view).toList();
        Lifecycle.Replay replay = Lifecycle.replay(list.stream().map(AuthEvent::data).toList(), today());
        List<Timeline.Entry> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            List<EventWarning> raised = new ArrayList<>(replay.warnings().get(i));
            raised.addAll(list.get(i).keptWarnings());
            entries.add(new Timeline.Entry(list.get(i), List.copyOf(raised)));
        }
        return new Timeline(replay.authorization(), entries);
    }

    /** {@code GET /cases/{id}/events}: the events oldest first, audited as a read of the case. */
    public List<AuthEvent> events(UUID caseId) {
        StoredCase stored = cases.read(caseId);
        List<AuthEvent> list = timeline(stored).entries().stream().map(Timeline.Entry::event).toList();
        audit.record(AuditAction.AUTH_EVENTS_LISTED, caseId.toString(), null, AuditOutcome.OK);
        return list;
    }

    public Authorization of(StoredCase stored) {
        return timeline(stored).authorization();
    }

    /** Every case of the clinic that has events, with its authorization today; absent cases are NOT_SUBMITTED. */
    @Transactional(readOnly = true)
    public Map<UUID, Authorization> forClinic(String clinicId) {
        return asOfToday(states.findByClinicId(clinicId));
    }

    /**
     * Like {@link #forClinic} with only the members the worklist's rules read (see {@link WorklistAuthorization}):
     * the start page reads every case's authorization on every view.
     */
    @Transactional(readOnly = true)
    Map<UUID, Authorization> forWorklist(String clinicId) {
        LocalDate today = today();
        Map<UUID, Authorization> out = new HashMap<>();
        states.forWorklist(clinicId).forEach(r -> out.put(r.caseId(), Lifecycle.asOf(r.authorization(), today)));
        return out;
    }

    /**
     * Like {@link #forClinic} for the given cases of the clinic only: a page of the list or a few
     * matches need their own cases' rows, not the whole clinic's.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Authorization> forCases(String clinicId, Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return asOfToday(states.findByClinicIdAndCaseIdIn(clinicId, caseIds.stream().map(UUID::toString).toList()));
    }

    /** The stored states (V117) read against today: an approval whose end has passed is EXPIRED. */
    private Map<UUID, Authorization> asOfToday(List<CaseAuthorizationRecord> rows) {
        LocalDate today = today();
        Map<UUID, Authorization> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.caseId(), Lifecycle.asOf(r.authorization(), today)));
        return out;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The service's date of a stored timestamp, in the zone "today" is read in: a case changed at 7 pm
     * in Chicago was changed today, although its UTC timestamp is already tomorrow's.
     */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }
}
