package dev.authpack.desk;

import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.policyupload.PolicyNotices;
import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.attachment.AttachmentStore;
import dev.authpack.audit.AuditLog;
import dev.authpack.authorization.CasePanels;
import dev.authpack.completeness.CompletenessReport;
import dev.authpack.completeness.CompletenessService;
import dev.authpack.completeness.CriterionResult;
import dev.authpack.document.DocumentKind;
import dev.authpack.document.DocumentStore;
import dev.authpack.document.DocumentView;
import dev.authpack.estimate.CodeWarnings;
import dev.authpack.estimate.EstimateReadiness;
import dev.authpack.web.PageController;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The case page: who and what, the policy checklist with a link from every unmet criterion and
 * missing field to the input that fixes it, code warnings, and the case's documents.
 */
@Controller
@PageController
class CasePageController {

    static final String VIEW = "cases/page";
    /** Leading pages of the latest packet shown as images (the document preview renders no more). */
    private static final int PREVIEW_PAGES = 2;
    /** The model attribute holding the language the estimate form shows chosen ("en" or "es"). */
    static final String ESTIMATE_LANGUAGE = "estimateLang";
    private static final List<String> ESTIMATE_LANGUAGES = List.of("en", "es");

    private final CaseService cases;
    private final CompletenessService completeness;
    private final CodeWarnings codeWarnings;
    private final DocumentStore documents;
    private final AttachmentStore attachments;
    private final EstimateReadiness estimates;
    private final AuditLog audit;
    private final CasePanels panels;
    private final PolicyNotices notices;
    private final TransactionTemplate reads;

    CasePageController(CaseService cases, CompletenessService completeness, CodeWarnings codeWarnings,
                       DocumentStore documents, AttachmentStore attachments, EstimateReadiness estimates,
                       AuditLog audit, CasePanels panels, PolicyNotices notices, TransactionTemplate tx) {
        this.reads = new TransactionTemplate(tx.getTransactionManager());
        this.reads.setReadOnly(true);
        this.panels = panels;
        this.estimates = estimates;
        this.notices = notices;
        this.cases = cases;
        this.completeness = completeness;
        this.codeWarnings = codeWarnings;
        this.documents = documents;
        this.attachments = attachments;
        this.audit = audit;
    }

    /** One checklist line; {@code fixAnchor} is the id of the form input that changes the verdict. */
    record ChecklistItem(CriterionResult criterion, String fixAnchor, String fixLabelKey) {
    }

    /** A required field that is empty, with the label and id of its input. */
    record MissingField(String path, String labelKey, String anchor) {
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable String id, Model model) {
        StoredCase stored = cases.read(id);
        audit.record(AuditAction.CASE_READ, stored.id().toString(), null, AuditOutcome.OK);
        CompletenessReport report = completeness.check(stored.data());
        model.addAttribute("kase", stored);
        model.addAttribute("data", stored.data());
        model.addAttribute("report", report);
        model.addAttribute("checklist", report.criteria().stream().map(CasePageController::item).toList());
        model.addAttribute("comparison", completeness.compare(stored.data()));
        model.addAttribute("missing", report.missing().stream()
                .map(p -> new MissingField(p, CaseForm.labelKeyOf(p), CaseForm.idOf(p))).toList());
        model.addAttribute("warnings", codeWarnings.warningsFor(stored.data()));
        // the rest of the page's rows in one transaction: on PostgreSQL each transaction of its own cost a commit,
        // a round trip to the database as dear as a query (docs/performance.md, "The case page's round trips")
        List<DocumentView> docs = reads.execute(status -> {
            model.addAttribute("policyNotices", notices.forCase(stored.id().toString(), stored.clinicId()));
            model.addAttribute("auth", panels.panel(stored));
            model.addAttribute("attachments", attachments.list(stored.id(), stored.clinicId()));
            model.addAttribute("removedAttachments", attachments.removed(stored.id(), stored.clinicId()));
            return documents.list(stored.id(), stored.clinicId());
        });
        model.addAttribute("documents", DocumentRows.of(docs, stored));
        model.addAttribute("estimateNeeds", estimates.missing(stored.data()).stream()
                .map(p -> new MissingField(p, CaseForm.labelKeyOf(p), CaseForm.idOf(p))).toList());
        model.addAttribute("zeroShare", estimates.zeroShare(stored.data()).map(Enum::name).orElse(null));
        if (!model.containsAttribute(ESTIMATE_LANGUAGE)) {
            model.addAttribute(ESTIMATE_LANGUAGE, estimateLanguage(docs));
        }
        DocumentStore.latestPacket(docs).ifPresent(packet -> {
            model.addAttribute("previewPacket", packet);
            model.addAttribute("previewOutdated", packet.madeBefore(stored));
            model.addAttribute("previewPages", IntStream.rangeClosed(1, Math.min(PREVIEW_PAGES, packet.pages())).boxed().toList());
        });
        return VIEW;
    }

    /**
     * The language the estimate form offers first: that of the case's latest estimate (the patient's, as the
     * clerk chose it), so another estimate after a fix is made in it too; English when there is none. The
     * estimate button's own answer names the language asked for instead (a flash attribute of this name).
     */
    private static String estimateLanguage(List<DocumentView> newestFirst) {
        return newestFirst.stream().filter(d -> d.kind() == DocumentKind.ESTIMATE).findFirst()
                .map(DocumentView::language).filter(ESTIMATE_LANGUAGES::contains).orElse("en");
    }

    private static ChecklistItem item(CriterionResult c) {
        String fix = c.fixField();
        return fix == null || fix.isBlank() ? new ChecklistItem(c, null, null)
                : new ChecklistItem(c, CaseForm.idOf(fix), CaseForm.labelKeyOf(fix));
    }

}
