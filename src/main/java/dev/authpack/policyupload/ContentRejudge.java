package dev.authpack.policyupload;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.content.ContentFingerprint;
import dev.authpack.content.TemplatesProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each case stores the {@code complete} flag (and the DRAFT/READY status) its last save computed, and the case
 * list, {@code GET /cases/{id}} and the worklist read those. A policy upload rewrites the flags it changes; an
 * administrator who edited a policy, the drug catalog or the code table on disk and restarted changed the
 * verdicts without them: a case whose trial's drug was renamed still said READY. So the fingerprint of those
 * files is stored with the flags ({@code content_judged}, V127), and a start-up that reads other files judges
 * every case again, as an upload judges the cases it concerns, and rewrites the flags that changed, each
 * audited as {@code CASE_COMPLETENESS_RECOMPUTED}, the whole as {@code CONTENT_REJUDGED}; the Payer policies
 * page shows when and how many. Instances started at once on one database compare and re-judge one at a time
 * (a row lock held to commit), so the second finds the fingerprint recorded and judges nothing. The code's
 * {@link CompletenessService#RULES_REVISION} is part of the fingerprint: a release that reads a rule differently
 * judges the stored flags again too.
 */
@Component
class ContentRejudge {

    private static final Logger log = LoggerFactory.getLogger(ContentRejudge.class);

    /** The folders of templates/ the completeness verdicts read: fee schedules and documents judge nothing stored. */
    static final List<String> JUDGING_FOLDERS = List.of("policies", "drugs", "codes");

    /** The last change a start-up found and what it re-judged (the Payer policies page shows it). */
    record Change(Instant at, int casesJudged, int flagsChanged) {
    }

    private final TemplatesProperties templates;
    private final CaseService cases;
    private final CompletenessService completeness;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** Computed when the bean is made, right after the catalogs read the files, so it is of what they read. */
    private final String fingerprint;

    ContentRejudge(TemplatesProperties templates, CaseService cases, CompletenessService completeness, AuditLog audit,
                   JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.templates = templates;
        this.cases = cases;
        this.completeness = completeness;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.fingerprint = judging(templates.dir(), CompletenessService.RULES_REVISION);
    }

    /**
     * The files' fingerprint with the code's rules revision folded in, so that a release which judges some case
     * differently from the one before it re-judges the stored flags though no file changed.
     */
    static String judging(Path templatesDir, int rulesRevision) {
        String files = ContentFingerprint.of(templatesDir, JUDGING_FOLDERS);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((files + " rules " + rulesRevision).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest).substring(0, files.length());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        judgeUnlessAnotherInstanceIs();
    }

    /** As {@link #rejudgeIfChanged}, empty when another instance held the row longer than the lock timeout. */
    Optional<Change> judgeUnlessAnotherInstanceIs() {
        try {
            return rejudgeIfChanged();
        } catch (PessimisticLockingFailureException e) {
            // another instance holds the row: it is judging the cases with the content it started with
            log.info("Another instance is judging the cases again for changed content; this one leaves it to it");
            return Optional.empty();
        }
    }

    /**
     * Judges every case again when the stored fingerprint is another one or none; empty when it was the same, or
     * none and no flag changed.
     */
    Optional<Change> rejudgeIfChanged() {
        return Optional.ofNullable(tx.execute(status -> {
            String stored = jdbc.queryForObject("SELECT fingerprint FROM content_judged WHERE id = 1 FOR UPDATE",
                    String.class);
            if (fingerprint.equals(stored)) {
                return null;
            }
            // None stored: a new database, or the first start of the release that records it, after which content
            // edited under the older release may have left flags stale. Judging is cheap; a change is only shown
            // (audit row, Payer policies page) when a flag moved, so a fresh install does not report one.
            String before = stored == null ? "unrecorded" : stored;
            Change change = rejudge(before);
            if (stored == null && change.flagsChanged() == 0) {
                jdbc.update("UPDATE content_judged SET fingerprint = ? WHERE id = 1", fingerprint);
                log.info("Recorded the fingerprint {} of the files that judge cases ({}); {} stored flags agreed with them",
                        fingerprint, String.join(", ", JUDGING_FOLDERS), change.casesJudged());
                return null;
            }
            jdbc.update("UPDATE content_judged SET fingerprint = ?, changed_at = ?, cases_judged = ?, flags_changed = ? "
                    + "WHERE id = 1", fingerprint, Timestamp.from(change.at()), change.casesJudged(), change.flagsChanged());
            audit.recordDetailWithWrite(AuditAction.CONTENT_REJUDGED, "content=" + before + "->" + fingerprint
                    + " judged=" + change.casesJudged() + " changed=" + change.flagsChanged());
            log.info("The files that judge cases under {}, or this release's rules, changed since the stored flags were "
                    + "computed (fingerprint {} -> {}): "
                    + "{} cases judged again, {} flags changed", templates.dir(), before, fingerprint,
                    change.casesJudged(), change.flagsChanged());
            return change;
        }));
    }

    private Change rejudge(String before) {
        int judged = 0;
        int changed = 0;
        for (String policyId : cases.policyIdsNamed()) {
            for (StoredCase c : cases.allNamingPolicy(policyId)) {
                judged++;
                boolean complete = completeness.isComplete(c.data());
                // a case saved since it was read computed its flag with this content itself
                if (complete != c.complete() && cases.storeCompleteness(c.id(), c.version(), complete)) {
                    changed++;
                    audit.recordCaseDetailWithWrite(AuditAction.CASE_COMPLETENESS_RECOMPUTED, c.id().toString(),
                            "content=" + before + "->" + fingerprint + " complete=" + c.complete() + "->" + complete);
                }
            }
        }
        return new Change(clock.instant(), judged, changed);
    }

    /** The last change a start-up found, if one did since this release was installed. */
    Optional<Change> lastChange() {
        return jdbc.query("SELECT changed_at, cases_judged, flags_changed FROM content_judged WHERE id = 1 "
                + "AND changed_at IS NOT NULL", (rs, n) -> new Change(rs.getTimestamp(1).toInstant(), rs.getInt(2),
                rs.getInt(3))).stream().findFirst();
    }
}
