package dev.authpack.casefile;

import dev.authpack.core.ConflictException;
import dev.authpack.core.NotFoundException;
import dev.authpack.security.Actor;
import dev.authpack.security.Actors;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves and loads cases for the signed-in user's clinic. Every lookup is scoped to that clinic, so
 * another clinic's case is indistinguishable from one that does not exist.
 */
@Service
public class CaseService {

    private final CaseRepository cases;
    private final CaseJson json;
    private final CaseAssessor completeness;
    private final Clock clock;

    CaseService(CaseRepository cases, CaseJson json, CaseAssessor completeness, Clock clock) {
        this.cases = cases;
        this.json = json;
        this.completeness = completeness;
        this.clock = clock;
    }

    /**
     * Holds the case's row until the caller's transaction ends. A change that reads a part of the case
     * and writes from what it read (its attachments' total, its events' order and status) takes it
     * first, so two such changes at once, on any instance, take turns instead of both passing a check
     * on the same state. A wait past the database's lock timeout is answered 503 with Retry-After.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForChange(UUID caseId) {
        cases.lockRow(caseId.toString());
    }

    /** The case, if it belongs to the current user's clinic; otherwise {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public StoredCase read(UUID id) {
        return toStored(load(id.toString()));
    }

    /** Like {@link #read(UUID)} for an id as typed in a URL; a malformed id is simply not found. */
    @Transactional(readOnly = true)
    public StoredCase read(String id) {
        return read(parseId(id));
    }

    @Transactional(readOnly = true)
    public List<CaseSummary> list(CaseStatus status) {
        return listings(status).stream().map(CaseListing::summary).toList();
    }

    /** The clinic's cases as the list shows them (all, or those in {@code status}), newest first. */
    @Transactional(readOnly = true)
    public List<CaseListing> listings(CaseStatus status) {
        String clinic = clinicOf(Actors.current());
        return status == null ? cases.listings(clinic) : cases.listings(clinic, status);
    }

    /** Where each of the clinic's cases stands (see {@link CaseProgress}), in no order: for the worklist. */
    @Transactional(readOnly = true)
    public List<CaseProgress> progress() {
        return cases.progress(clinicOf(Actors.current()));
    }

    /**
     * Every clinic's cases that name {@code policyId}, oldest first: for system work that reports
     * case ids and clinics only (what a policy upload changes), never for showing a case.
     */
    @Transactional(readOnly = true)
    public List<StoredCase> allNamingPolicy(String policyId) {
        return cases.findByPolicyIdOrderByCreatedAtAscIdAsc(policyId).stream().map(this::toStored).toList();
    }

    /** Every policy id a case of any clinic names, loaded or not (a policy file deleted leaves its cases naming it). */
    @Transactional(readOnly = true)
    public List<String> policyIdsNamed() {
        return cases.policyIdsNamed();
    }

    /**
     * Stores a recomputed {@code complete}, and the status derived from it, for system work that
     * judged the case again (a policy upload): not an edit, so the case keeps its version and its
     * last editor. Only while the case is still at {@code version}: a save since then computed the
     * flag from the newer data itself. Joins the caller's transaction. True when it was stored.
     */
    @Transactional
    public boolean storeCompleteness(UUID id, long version, boolean complete) {
        return cases.storeCompleteness(id.toString(), version, complete, CaseStatus.of(complete)) == 1;
    }

    @Transactional
    public StoredCase create(CaseData data) {
        Actor actor = Actors.current();
        CaseRecord record = new CaseRecord(UUID.randomUUID().toString(), clinicOf(actor), actor.username(),
                clock.instant());
        fill(record, data, actor);
        return toStored(cases.saveAndFlush(record));
    }

    /** Replaces the case if {@code expectedVersion} is still current; otherwise nothing changes (409). */
    @Transactional
    StoredCase replace(UUID id, long expectedVersion, CaseData data) {
        CaseRecord record = load(id.toString());
        if (record.version() != expectedVersion) {
            throw ConflictException.staleVersion("The case was changed by someone else (version " + record.version()
                    + ", you sent " + expectedVersion + "). Reload it and apply your changes again.");
        }
        fill(record, data, Actors.current());
        return toStored(cases.saveAndFlush(record));
    }

    static UUID parseId(String id) {
        if (id == null) {
            throw new NotFoundException("case");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("case");
        }
    }

    private void fill(CaseRecord record, CaseData data, Actor actor) {
        boolean complete = completeness.isComplete(data);
        record.replace(json.write(data), data, complete, actor.username(), clock.instant());
    }

    /** Which uploaded policy versions the rules in use include: read it before a save, for {@link #judgedByNewestRules}. */
    public long rulesRead() {
        return completeness.rulesRead();
    }

    /**
     * The case just saved (committed), its {@code complete} computed again when a policy version was
     * stored, here or on another instance, since {@code rules} were read before the save. A policy
     * upload rewrites the flags of the cases it judges, but a save made while it ran computed its flag
     * with the version before, and one made on another instance in the second before that instance
     * read the new version too. Asked after the save committed, so it cannot miss an upload the
     * upload's own check of the cases saved meanwhile missed this save for: one of the two sees the
     * other. Unless the case was saved again since (that save answers for itself).
     */
    @Transactional
    public StoredCase judgedByNewestRules(StoredCase saved, long rules) {
        completeness.catchUp();
        if (completeness.rulesRead() == rules) {
            return saved;
        }
        boolean complete = completeness.isComplete(saved.data());
        if (complete == saved.complete() || !storeCompleteness(saved.id(), saved.version(), complete)) {
            return saved;
        }
        return toStored(load(saved.id().toString()));
    }

    private CaseRecord load(String id) {
        return cases.findByIdAndClinicId(id, clinicOf(Actors.current()))
                .orElseThrow(() -> new NotFoundException("case"));
    }

    private static String clinicOf(Actor actor) {
        if (actor.clinicId() == null) {
            // administrators belong to no clinic and see no patient data
            throw new NotFoundException("case");
        }
        return actor.clinicId();
    }

    private StoredCase toStored(CaseRecord r) {
        return new StoredCase(UUID.fromString(r.id()), r.clinicId(), r.version(), r.status(), r.complete(),
                r.createdAt(), r.updatedAt(), r.createdBy(), r.updatedBy(), json.read(r.data()));
    }
}
