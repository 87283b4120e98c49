package dev.authpack.audit;

import dev.authpack.security.Actor;
import dev.authpack.security.Actors;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records who did what to which case or document, when, from where, and how it ended. Holds ids
 * only, never patient data. Append-only: there is no update or delete here or anywhere.
 */
@Service
public class AuditLog {

    /** An IPv4 or IPv6 literal (with an optional zone), as Tomcat gives one: what the column holds (64). */
    private static final Pattern ADDRESS =
            Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[0-9A-Za-z._-]{1,16})?");
    static final String NOT_AN_ADDRESS = "not an address (X-Forwarded-For)";

    /** What a list read's {@code detail} starts with, before the number of cases it showed. */
    static final String CASES_SHOWN = "cases=";

    private final AuditEventRepository events;
    private final AuditCaseSets caseSets;
    private final Clock clock;

    AuditLog(AuditEventRepository events, AuditCaseSets caseSets, Clock clock) {
        this.events = events;
        this.caseSets = caseSets;
        this.clock = clock;
    }

    /**
     * Records an action of the signed-in user; its own transaction, so a failed action is still
     * recorded. A write that succeeded is recorded with {@link #recordWithWrite} instead.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditAction action, String caseId, String documentId, AuditOutcome outcome) {
        Actor actor = currentActorOrNull();
        events.save(new AuditEvent(clock.instant(), actor == null ? Actors.currentUsernameOrNull() : actor.username(),
                actor == null ? null : actor.clinicId(), action.name(), caseId, documentId, null, outcome.name(),
                clientAddress()));
    }

    /**
     * Records a list the signed-in user was shown (the case list, the worklist, the Documents page...) as one
     * event, with {@code detail} {@code cases=<n>} and the stored set of the cases it showed
     * ({@link AuditCaseSets}): filtering the trail by a case finds the lists that showed the patient, and the
     * trail still reads one list read as one line, not one per patient. Its own transaction, like
     * {@link #record}; a set first stored for this row is written in it, so the row and the cases it names
     * commit together or not at all. A case shown twice (two lists of the worklist) counts once.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordList(AuditAction action, Collection<UUID> shown) {
        Set<String> ids = new LinkedHashSet<>(shown.stream().map(UUID::toString).toList());
        Long set = caseSets.idOf(ids);
        Actor actor = currentActorOrNull();
        events.save(new AuditEvent(clock.instant(), actor == null ? Actors.currentUsernameOrNull() : actor.username(),
                actor == null ? null : actor.clinicId(), action.name(), clientAddress(), CASES_SHOWN + ids.size(), set));
    }

    /**
     * Records a write of the signed-in user that succeeded, in the transaction of the write itself
     * (there must be one): the write and its row are committed together or not at all. In a
     * transaction of its own, as {@link #record} does, a crash between the two commits left a case,
     * document or upload changed with no row saying who did it, or a row saying an event was
     * recorded when it was not (found by killing the service under load, docs/deploy.md). The
     * write's transaction must not be read-only.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordWithWrite(AuditAction action, String caseId, String documentId) {
        Actor actor = currentActorOrNull();
        events.save(new AuditEvent(clock.instant(), actor == null ? Actors.currentUsernameOrNull() : actor.username(),
                actor == null ? null : actor.clinicId(), action.name(), caseId, documentId, null,
                AuditOutcome.OK.name(), clientAddress()));
    }

    /**
     * Records a signed-in user's request that was refused (403) or named nothing of theirs (404), with the
     * case, document or attachment its path asked for; its own transaction, like {@link #record}.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRefusal(AuditAction action, RequestedIds asked, AuditOutcome outcome) {
        Actor actor = currentActorOrNull();
        events.save(new AuditEvent(clock.instant(),
                actor == null ? Actors.currentUsernameOrNull() : actor.username(), actor == null ? null : actor.clinicId(),
                action.name(), asked.caseId(), asked.documentId(), null, outcome.name(), clientAddress(), null,
                asked.detail()));
    }

    /** Records an action of a named user who may not be signed in (e.g. a failed login). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFor(String username, String clinicId, AuditAction action, AuditOutcome outcome) {
        events.save(new AuditEvent(clock.instant(), username, clinicId, action.name(), null, null, null, outcome.name(),
                clientAddress()));
    }

    /**
     * Records what the signed-in administrator did to another user's account (created it, reset its
     * password...); {@code grantsAccessTo} names the clinic whose patient data the change opens, or null.
     * In the transaction of the change itself (there must be one), so the account and its row are
     * committed together or not at all.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAccountChangeWithWrite(AuditAction action, String targetUser, String grantsAccessTo) {
        Actor actor = currentActorOrNull();
        events.save(new AuditEvent(clock.instant(), actor == null ? null : actor.username(),
                actor == null ? null : actor.clinicId(), action.name(), null, null, targetUser, AuditOutcome.OK.name(),
                clientAddress(), grantsAccessTo));
    }

    /** Records an action that concerns no case or document, with ids-only {@code detail} (e.g. a policy upload). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordDetail(AuditAction action, String detail, AuditOutcome outcome) {
        saveDetail(action, detail, outcome);
    }

    /**
     * Records an administrator's or a clinic's change that names no case (a clinic, its profile) with
     * ids-only {@code detail}, in the transaction of the change itself, as {@link #recordWithWrite} does.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordDetailWithWrite(AuditAction action, String detail) {
        saveDetail(action, detail, AuditOutcome.OK);
    }

    private void saveDetail(AuditAction action, String detail, AuditOutcome outcome) {
        Actor actor = currentActorOrNull();
        events.save(new AuditEvent(clock.instant(), actor == null ? Actors.currentUsernameOrNull() : actor.username(),
                actor == null ? null : actor.clinicId(), action.name(), outcome.name(), clientAddress(), detail));
    }

    /**
     * Records an action about a document or attachment of a case with ids-only {@code detail} (an API write's
     * kept answer handed out again, which holds the document); its own transaction, like {@link #record}.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordDocumentDetail(AuditAction action, String caseId, String documentId, String detail,
                                     AuditOutcome outcome) {
        Actor actor = currentActorOrNull();
        events.save(new AuditEvent(clock.instant(), actor == null ? Actors.currentUsernameOrNull() : actor.username(),
                actor == null ? null : actor.clinicId(), action.name(), caseId, documentId, null, outcome.name(),
                clientAddress(), null, detail));
    }

    /**
     * Records a change the system made to a case as part of the signed-in user's action (a policy upload
     * rewriting the case's stored completeness), with the case id and ids-only {@code detail}, in the
     * transaction of the change itself.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordCaseDetailWithWrite(AuditAction action, String caseId, String detail) {
        saveCaseDetail(action, caseId, detail);
    }

    private void saveCaseDetail(AuditAction action, String caseId, String detail) {
        Actor actor = currentActorOrNull();
        events.save(new AuditEvent(clock.instant(), actor == null ? Actors.currentUsernameOrNull() : actor.username(),
                actor == null ? null : actor.clinicId(), action.name(), caseId, AuditOutcome.OK.name(), clientAddress(),
                detail));
    }

    private static Actor currentActorOrNull() {
        try {
            return Actors.current();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /**
     * Behind a proxy ({@code server.forward-headers-strategy=native}) the address is what
     * {@code X-Forwarded-For} says, unchecked: a value longer than the column made every call of that
     * client a 500 (the audit row failed to save), and any text ({@code <b>}, {@code =HYPERLINK(...)})
     * was recorded as an address. Only an address is kept; anything else is recorded as such.
     */
    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            String address = request.getRemoteAddr();
            return address == null || ADDRESS.matcher(address).matches() ? address : NOT_AN_ADDRESS;
        }
        return null;
    }
}
