package dev.authpack.estimate;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.UnprocessableException;
import dev.authpack.document.DocumentKind;
import dev.authpack.document.DocumentStore;
import dev.authpack.document.DocumentView;
import dev.authpack.document.NewDocument;
import dev.authpack.generation.GenerationBusyException;
import dev.authpack.generation.GenerationPool;
import dev.authpack.policy.DiagnosisCodes;
import dev.authpack.rendering.PdfRenderer;
import dev.authpack.rendering.RenderedPdf;
import dev.authpack.security.Actors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a case's cost estimate: prices the request, computes the figures, renders the PDF in the
 * patient's language and stores it as an immutable ESTIMATE document. Logs ids only.
 */
@Service
class EstimateService {

    static final AuditAction AUDIT_ACTION = AuditAction.ESTIMATE_GENERATED;

    private final CaseService cases;
    private final CoursePricing pricing;
    private final FeeSchedules schedules;
    private final CodeWarnings warnings;
    private final DiagnosisCodes diagnoses;
    private final EstimatePdf pdf;
    private final DocumentStore documents;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final GenerationPool generation;
    private final EstimateCalculator calculator = new EstimateCalculator();

    EstimateService(CaseService cases, FeeSchedules schedules, CodeWarnings warnings, DiagnosisCodes diagnoses,
                    PdfRenderer renderer, DocumentStore documents, AuditLog audit, Clock clock,
                    GenerationPool generation, TransactionTemplate tx) {
        this.cases = cases;
        this.pricing = new CoursePricing(schedules, clock);
        this.schedules = schedules;
        this.warnings = warnings;
        this.diagnoses = diagnoses;
        this.pdf = new EstimatePdf(renderer);
        this.documents = documents;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.generation = generation;
    }

    private Estimate compute(CaseData data, PricedCourse course) {
        return calculator.calculate(course.benefits(), course.sessions(), course.lines())
                .withWarnings(warnings.warningsFor(data));
    }

    /** Throws NotFoundException for another clinic's case, UnprocessableException when figures are missing. */
    public GeneratedEstimate generate(String caseId, Locale locale) {
        StoredCase stored = cases.read(caseId);
        String id = stored.id().toString();
        CaseData data = stored.data();
        requireComputable(id, data);
        PricedCourse course = pricing.price(data);
        Estimate estimate = compute(data, course);
        LocalDate pricedOn = pricing.pricingDate(data);
        String description = diagnoses.describe(data.diagnosis().icd10(), locale).orElse(null);
        DocumentView document;
        try {
            LocalDate today = LocalDate.now(clock);
            String versions = schedules.versionsOn(pricedOn);
            RenderedPdf rendered = generation.call(() -> pdf.render(data, course.lines(), estimate, description,
                    locale, today, versions));
            // the document and its audit row in one transaction: a crash leaves both or neither
            document = tx.execute(status -> {
                DocumentView saved = documents.save(new NewDocument(stored.id(), stored.clinicId(),
                        DocumentKind.ESTIMATE, rendered, null, null, Actors.current().username(), stored.version(),
                        locale.getLanguage(), contentVersions(versions)));
                audit.recordWithWrite(AUDIT_ACTION, id, saved.id().toString());
                return saved;
            });
        } catch (RuntimeException e) {
            audit.record(AUDIT_ACTION, id, null,
                    e instanceof GenerationBusyException ? AuditOutcome.BUSY : AuditOutcome.FAILED);
            throw e;
        }
        return new GeneratedEstimate(document, estimate);
    }

    /**
     * What else of {@code templates/} the estimate was made from: the fee schedules that priced it and the code table
     * that described its diagnosis. An estimate of the same case after either was raised says other things, so it
     * must not be folded as an identical copy of the one before (IdenticalCopies).
     */
    private String contentVersions(String feeSchedules) {
        return "fee-schedules " + feeSchedules + "; codes " + diagnoses.version();
    }

    private void requireComputable(String caseId, CaseData data) {
        List<String> missing = pricing.missing(data);
        if (missing.isEmpty()) {
            return;
        }
        if (caseId != null) {
            audit.record(AUDIT_ACTION, caseId, null, AuditOutcome.REJECTED_INCOMPLETE);
        }
        List<FieldProblem> errors = missing.stream().map(field -> new FieldProblem(field, "is needed for an estimate")).toList();
        throw new UnprocessableException("The estimate cannot be computed",
                "An estimate needs " + String.join(", ", missing) + ".",
                Map.of("missing", missing, "errors", errors));
    }
}
