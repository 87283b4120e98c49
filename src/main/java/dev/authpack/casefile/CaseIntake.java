package dev.authpack.casefile;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.core.ConflictException;
import dev.authpack.core.InputException;
import java.util.UUID;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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

    CaseIntake(CaseValidator validator, CaseService cases, AuditLog audit) {
        this.validator = validator;
        this.cases = cases;
        this.audit = audit;
    }

    /** The case and its CASE_CREATED row in one transaction: both are stored, or neither. */
    @Transactional
    public StoredCase create(JsonNode tree, CaseBinder.Source source) {
        StoredCase stored = cases.create(valid(tree, source));
        audit.recordWithWrite(AuditAction.CASE_CREATED, stored.id().toString(), null);
        return stored;
    }

    /** The change and its CASE_UPDATED row in one transaction; a refusal is recorded in one of its own. */
    @Transactional
    public StoredCase replace(UUID id, long expectedVersion, JsonNode tree, CaseBinder.Source source) {
        CaseData data = valid(tree, source);
        try {
            StoredCase stored = cases.replace(id, expectedVersion, data);
            audit.recordWithWrite(AuditAction.CASE_UPDATED, stored.id().toString(), null);
            return stored;
        } catch (ConflictException | ObjectOptimisticLockingFailureException e) {
            audit.record(AuditAction.CASE_UPDATED, id.toString(), null, AuditOutcome.CONFLICT);
            throw e instanceof ConflictException c ? c : ConflictException.staleVersion(
                    "The case was changed by someone else at the same moment. Reload it and apply your changes again.");
        }
    }

    private CaseData valid(JsonNode tree, CaseBinder.Source source) {
        CaseValidator.Result result = validator.validate(tree, source);
        if (!result.valid()) {
            throw new InputException(result.problems());
        }
        return result.data();
    }
}
