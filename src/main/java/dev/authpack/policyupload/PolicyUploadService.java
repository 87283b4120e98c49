package dev.authpack.policyupload;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.casefile.CaseService;
import dev.authpack.completeness.PolicyExamples;
import dev.authpack.content.TemplateException;
import dev.authpack.content.TemplateText;
import dev.authpack.core.ConflictException;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import dev.authpack.core.UnprocessableException;
import dev.authpack.policy.Policy;
import dev.authpack.policy.PolicyCatalog;
import dev.authpack.policy.PolicyExample;
import dev.authpack.policy.PolicyUploads;
import dev.authpack.security.Actors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes one policy file from an administrator (API and admin page alike): checks it as start-up
 * would, refuses a version that exists (before running examples: its examples do not matter then),
 * runs its examples, judges the cases it concerns once, then stores it in one transaction with the
 * notices of the open cases it changes and the recomputed {@code complete} of every case whose
 * stored flag it makes wrong, and puts it in use at once. Every outcome, refusals included, is
 * audited with the policy id, version and the file's sha256; each recomputed case is audited too.
 * Uploads store one at a time across instances, each judged against every version stored before it:
 * of two with one {@code effectiveFrom}, the later stored is in force and was judged with the earlier
 * in the catalog.
 */
@Service
class PolicyUploadService {

    static final int MAX_CHARS = 1_000_000;
    /** The 409 title of an upload whose id and version are stored already. */
    static final String VERSION_EXISTS = "Policy version already uploaded";
    /** How often an upload is judged again when others are stored meanwhile, before it is refused 409. */
    static final int ATTEMPTS = 5;

    private final PolicyCatalog catalog;
    private final PolicyExamples examples;
    private final PolicyImpact impact;
    private final PolicyUploads uploads;
    private final PolicyNotices notices;
    private final CaseService cases;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    PolicyUploadService(PolicyCatalog catalog, PolicyExamples examples, PolicyImpact impact, PolicyUploads uploads,
                        PolicyNotices notices, CaseService cases, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.catalog = catalog;
        this.examples = examples;
        this.impact = impact;
        this.uploads = uploads;
        this.notices = notices;
        this.cases = cases;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * An uploaded file's text, held to the rule of the files read at start-up: UTF-8, or refused naming the line
     * (a Latin-1 file was stored with "\uFFFD" in place of each accented character, and printed so on packets).
     * A PDF or a UTF-16 file is called what it is, not a YAML syntax error. A refused upload (not a preview) is
     * audited like any other, with the hash of the bytes as sent.
     */
    String text(byte[] file, boolean upload) {
        String notText = TemplateText.notPolicyText(file);
        if (notText != null) {
            refuse(upload, null, sha256(file), AuditOutcome.REJECTED);
            throw new InputException("file", notText);
        }
        return TemplateText.utf8(file, line -> {
            refuse(upload, null, sha256(file), AuditOutcome.REJECTED);
            return new InputException("file", TemplateText.NOT_UTF8 + " (line " + line + ")");
        });
    }

    /** A file that passed every check, judged against the open cases, not yet stored. */
    private record Checked(Policy policy, String sha, int passed, PolicyImpact.Assessment assessed) {
    }

    /**
     * What {@link #upload} would store and change, without storing or changing anything: the same
     * checks, refusals and impact, so an administrator sees which open cases a version flips before
     * putting it in use. Audited as a preview (it lists cases of every clinic); a refused one is not,
     * as nothing was tried.
     */
    UploadResult preview(String yaml) {
        Checked c = check(yaml, false);
        audit.recordDetail(AuditAction.POLICY_PREVIEWED, detail(c.policy(), c.sha()), AuditOutcome.OK);
        return new UploadResult(c.policy().id(), c.policy().version(), c.policy().effectiveFrom(),
                new UploadResult.Examples(c.passed(), 0), c.assessed().impact());
    }

    UploadResult upload(String yaml) {
        for (int attempt = 1; ; attempt++) {
            // judge against every version stored so far; the store below proves nothing came in since
            catalog.refresh();
            long judgedAgainst = catalog.loadedUpload();
            Checked checked = check(yaml, true);
            try {
                return store(yaml, checked, judgedAgainst);
            } catch (StoredMeanwhile | PessimisticLockingFailureException e) {
                // another upload (maybe on another instance) was stored while this one was judged:
                // judge again with it in the catalog, so its effectiveFrom and its verdicts count
                if (attempt == ATTEMPTS) {
                    refuse(true, checked.policy(), checked.sha(), AuditOutcome.CONFLICT);
                    throw new ConflictException("Policies uploaded meanwhile", "Other policy versions were stored while "
                            + "this one was checked; nothing was stored: upload it again");
                }
            }
        }
    }

    /** Rolls back the store of a file judged before another upload was stored. */
    private static final class StoredMeanwhile extends RuntimeException {
        StoredMeanwhile() {
            super(null, null, false, false);
        }
    }

    private static String recomputedDetail(Policy policy, PolicyImpact.Judged c) {
        return "policy=" + cut(policy.id()) + " version=" + cut(policy.version()) + " complete="
                + c.stored().complete() + "->" + c.after().complete();
    }

    private UploadResult store(String yaml, Checked checked, long judgedAgainst) {
        Policy policy = checked.policy();
        String sha = checked.sha();
        int passed = checked.passed();
        PolicyImpact.Assessment assessed = checked.assessed();
        List<ImpactRow> changed = assessed.impact();
        Instant now = clock.instant();
        String message = policy.effectiveFrom() == null
                ? "policy " + policy.id() + " changed (version " + policy.version() + "): "
                : "policy " + policy.id() + " changed on " + policy.effectiveFrom() + ": ";
        try {
            tx.executeWithoutResult(status -> {
                // Uploads store one at a time on every instance (a row lock held to commit). Two judged at
                // once would each miss the other: the later stored would not know which cases the earlier
                // took from the version before, and each would rewrite the stored complete of the same cases
                // by its own verdict, the last to commit winning, whichever is in force.
                if (uploads.lockForUpload() != judgedAgainst) {
                    throw new StoredMeanwhile();
                }
                long uploadId = uploads.insert(policy, yaml, sha, Actors.current().username(), now);
                // with the version, in its transaction: a crash leaves both or neither
                audit.recordDetailWithWrite(AuditAction.POLICY_UPLOADED, detail(policy, sha));
                for (ImpactRow row : changed) {
                    notices.add(row.caseId(), row.clinicId(), uploadId, message + row.after().describe(), now);
                }
                // The stored complete/status of the cases the new version judges otherwise, with the
                // upload: the case list, GET /cases/{id} and the worklist read these columns. They are
                // in the shared database, so this one rewrite serves every instance; the others only
                // need the new version itself, which each reads within a second (PolicyCatalog asks
                // for the newest upload id at most once a second). A case saved since it was judged
                // above keeps the flag its own save computed.
                for (PolicyImpact.Judged stale : assessed.staleFlags()) {
                    if (cases.storeCompleteness(stale.stored().id(), stale.stored().version(), stale.after().complete())) {
                        audit.recordCaseDetailWithWrite(AuditAction.CASE_COMPLETENESS_RECOMPUTED,
                                stale.stored().id().toString(), recomputedDetail(policy, stale));
                    }
                }
            });
        } catch (DuplicateKeyException e) {
            // another administrator stored the same version a moment ago
            refuse(true, policy, sha, AuditOutcome.CONFLICT);
            throw new ConflictException(VERSION_EXISTS, "Policy " + policy.id() + " already has version " + policy.version());
        }
        catalog.refresh();
        // Cases saved while this upload was judged and stored computed their flag with the version
        // before it, and the rewrite above left them alone: with the new version in use now, judge
        // those again and correct the flags still wrong (a save from now on computes with it itself).
        for (PolicyImpact.Judged stale : impact.savedMeanwhile(policy.id(), assessed)) {
            tx.executeWithoutResult(status -> {
                if (cases.storeCompleteness(stale.stored().id(), stale.stored().version(), stale.after().complete())) {
                    audit.recordCaseDetailWithWrite(AuditAction.CASE_COMPLETENESS_RECOMPUTED,
                            stale.stored().id().toString(), recomputedDetail(policy, stale));
                }
            });
        }
        return new UploadResult(policy.id(), policy.version(), policy.effectiveFrom(),
                new UploadResult.Examples(passed, 0), changed);
    }

    private Checked check(String yaml, boolean audited) {
        String sha = sha256(yaml == null ? "" : yaml);
        if (yaml == null || yaml.isBlank()) {
            refuse(audited, null, sha, AuditOutcome.REJECTED);
            throw new InputException("file", "the policy file is empty");
        }
        if (yaml.length() > MAX_CHARS) {
            refuse(audited, null, sha, AuditOutcome.REJECTED);
            throw new InputException("file", "the policy file is larger than " + MAX_CHARS + " characters");
        }
        Policy policy;
        try {
            policy = catalog.parseUpload(yaml);
        } catch (TemplateException e) {
            refuse(audited, null, sha, AuditOutcome.REJECTED);
            throw asInput(e);
        }
        // The only conflict the contract names. A version with the effectiveFrom of another (both absent, or
        // one date) is taken: the later loaded is in force, as for the shipped files (PolicyVersions).
        for (Policy existing : catalog.versions(policy.id())) {
            if (existing.version().equals(policy.version())) {
                refuse(audited, policy, sha, AuditOutcome.CONFLICT);
                throw new ConflictException(VERSION_EXISTS, "Policy " + policy.id() + " already has version " + policy.version()
                        + ": give the new file its own version");
            }
        }
        List<String> failures = new ArrayList<>();
        for (PolicyExample example : policy.examples()) {
            List<String> wrong = examples.verdictErrors(policy, example);
            if (!wrong.isEmpty()) {
                failures.add("example '" + example.name() + "': " + String.join("; ", wrong));
            }
        }
        int passed = policy.examples().size() - failures.size();
        if (!failures.isEmpty()) {
            refuse(audited, policy, sha, AuditOutcome.REJECTED);
            throw new UnprocessableException("Policy examples failed", failures.size() + " of "
                    + policy.examples().size() + " examples got another verdict; nothing was stored",
                    Map.of("failures", failures, "examples", new UploadResult.Examples(passed, failures.size())));
        }
        return new Checked(policy, sha, passed, impact.of(policy));
    }

    /** One entry per problem: the key as field ("file" for the file as a whole), the sentence with its line. */
    private static InputException asInput(TemplateException e) {
        return new InputException(e.problems().stream().map(p -> new FieldProblem(p.key().isEmpty() ? "file" : p.key(),
                p.messageWithLine())).toList());
    }

    private void refuse(boolean audited, Policy policy, String sha, AuditOutcome outcome) {
        if (audited) {
            audit.recordDetail(AuditAction.POLICY_UPLOAD_REFUSED, detail(policy, sha), outcome);
        }
    }

    /** Ids and the hash only; an id or version is cut short rather than overflow the column. */
    static String detail(Policy policy, String sha) {
        String what = policy == null ? "" : "policy=" + cut(policy.id()) + " version=" + cut(policy.version()) + " ";
        return what + "sha256=" + sha;
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 120 ? s.substring(0, 120) : s;
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
