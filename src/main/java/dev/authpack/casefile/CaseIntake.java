package dev.authpack.casefile;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.core.ConflictException;
import dev.authpack.core.InputException;
import java.util.UUID;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Creating and replacing a case, for the API and the web form alike: the input tiers of
 * {@link CaseValidator}, then the clinic-scoped save, then the audit record. Invalid input is an
 * {@link InputException} listing every problem; a stale version a {@link ConflictException}.
 */
@Service
public class CaseIntake {

    private final CaseValidator validator;
    private final CaseService cases;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    CaseIntake(CaseValidator validator, CaseService cases, AuditLog audit, TransactionTemplate tx) {
        this.validator = validator;
        this.cases = cases;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * The case and its CASE_CREATED row, and the rows of {@code alsoRecorded} (a FHIR import's
     * FHIR_IMPORTED), in one transaction: all are stored, or none. Then, once committed, its
     * {@code complete} is judged again if a policy version was stored meanwhile
     * ({@link CaseService#judgedByNewestRules}: it must look after the commit, not inside it, so a
     * caller must not wrap this in a transaction of its own).
     */
    public StoredCase create(JsonNode tree, CaseBinder.Source source, AuditAction... alsoRecorded) {
        CaseData data = valid(tree, source);
        long rules = cases.rulesRead();
        StoredCase stored = tx.execute(status -> {
            StoredCase created = cases.create(data);
            audit.recordWithWrite(AuditAction.CASE_CREATED, created.id().toString(), null);
            for (AuditAction action : alsoRecorded) {
                audit.recordWithWrite(action, created.id().toString(), null);
            }
            return created;
        });
        return cases.judgedByNewestRules(stored, rules);
    }

    /**
     * The change and its CASE_UPDATED row in one transaction; a refusal is recorded in one of its own.
     * Once committed, judged again as {@link #create} is.
     */
    public StoredCase replace(UUID id, long expectedVersion, JsonNode tree, CaseBinder.Source source) {
        CaseData data = valid(tree, source);
        long rules = cases.rulesRead();
        StoredCase stored;
        try {
            // a version that moved on is found at the flush, inside the transaction, or at its commit
            stored = tx.execute(status -> {
                StoredCase replaced = cases.replace(id, expectedVersion, data);
                audit.recordWithWrite(AuditAction.CASE_UPDATED, replaced.id().toString(), null);
                return replaced;
            });
        } catch (ConflictException | ObjectOptimisticLockingFailureException e) {
            audit.record(AuditAction.CASE_UPDATED, id.toString(), null, AuditOutcome.CONFLICT);
            throw e instanceof ConflictException c ? c : ConflictException.staleVersion(
                    "The case was changed by someone else at the same moment. Reload it and apply your changes again.");
        }
        return cases.judgedByNewestRules(stored, rules);
    }

    private CaseData valid(JsonNode tree, CaseBinder.Source source) {
        CaseValidator.Result result = validator.validate(tree, source);
        if (!result.valid()) {
            throw new InputException(result.problems());
        }
        return result.data();
    }
}
