package dev.authpack.fhir;

import ca.uhn.fhir.context.FhirContext;
import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.casefile.CaseBinder;
import dev.authpack.casefile.CaseIntake;
import dev.authpack.casefile.CaseValidator;
import dev.authpack.casefile.StoredCase;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import dev.authpack.policy.Drug;
import dev.authpack.policy.DrugCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts a draft case from a FHIR R4 bundle: parse, map resource by resource, let the case API's own
 * validator judge the result (what it refuses is taken out and listed), save through CaseIntake.
 * Every attempt is audited with ids only. Whatever goes wrong while reading a bundle is the bundle's
 * problem as far as the caller can tell: an unexpected exception before the case is saved is a 400
 * naming the resource the import stopped at, logged as one WARN line (never a value, never a trace).
 */
@Service
class FhirImporter {

    /** More passes than any bundle has refusable values; each pass takes out one. */
    private static final int MAX_PASSES = 500;
    private static final Logger log = LoggerFactory.getLogger(FhirImporter.class);

    private final FhirContext context;
    private final BundleParser parser;
    private final CaseValidator validator;
    private final CaseIntake intake;
    private final AuditLog audit;
    private final DrugCatalog catalog;

    FhirImporter(FhirContext context, BundleParser parser, CaseValidator validator, CaseIntake intake, AuditLog audit,
                 DrugCatalog catalog) {
        this.catalog = catalog;
        this.context = context;
        this.parser = parser;
        this.validator = validator;
        this.intake = intake;
        this.audit = audit;
    }

    /** The draft and what was mapped and ignored: the lines as the case form shows them, and as the API says them. */
    record Imported(StoredCase stored, List<SummaryLine> mappedLines, List<SummaryLine> ignoredLines) {

        List<String> mapped() {
            return mappedLines.stream().map(SummaryLine::plain).toList();
        }

        List<String> ignored() {
            return ignoredLines.stream().map(SummaryLine::plain).toList();
        }
    }

    Imported importBundle(byte[] body) {
        CaseDraft draft;
        BundleIndex index = null;
        boolean mapped = false;
        try {
            BundleParser.Parsed parsed = parser.parse(body);
            index = new BundleIndex(parsed.bundle(), context);
            List<UnreadValues.Unread> unread = UnreadValues.takeOut(index);
            draft = map(index, new CatalogDrugs(catalog.all().stream().map(Drug::name).toList()));
            mapped = true;
            unread.forEach(u -> draft.ignore(u.source(), u.reason()));
            parsed.issues().forEach(issue -> draft.ignore("Bundle", "parser: " + issue));
            withdrawRefused(draft);
        } catch (InputException e) {
            audit.record(AuditAction.FHIR_IMPORTED, null, null, AuditOutcome.REJECTED);
            throw e;
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vm) {
                throw vm; // out of memory or stack is the JVM's state, not the bundle's
            }
            // a mapping bug or a HAPI surprise (HAPI's XHTML code throws plain Errors): still the bundle we could
            // not read, never a 500
            audit.record(AuditAction.FHIR_IMPORTED, null, null, AuditOutcome.REJECTED);
            throw unreadable(e, index, index == null || mapped ? null : index.current().orElse(null));
        }
        // the same intake as POST /cases: validation, clinic-scoped save, CASE_CREATED in the audit trail
        // and FHIR_IMPORTED in the case's own transaction: a crash leaves the case with both rows or neither
        StoredCase stored = intake.create(draft.tree(), CaseBinder.Source.JSON, AuditAction.FHIR_IMPORTED);
        return new Imported(stored, draft.mappedLines(), draft.ignoredLines());
    }

    static CaseDraft map(BundleIndex index, CatalogDrugs drugs) {
        CaseDraft draft = new CaseDraft();
        PatientMapping.map(index, draft);
        ProviderMapping.map(index, draft);
        ConditionMapping.map(index, draft);
        RequestMapping.map(index, draft);
        ObservationMapping.map(index, draft);
        MedicationMapping.map(index, draft, drugs);
        ProcedureMapping.map(index, draft);
        // contained resources too: one a reference reached is used, the others are listed like any entry
        for (Resource r : Stream.concat(index.all().stream(), index.contained().stream()).toList()) {
            if (r instanceof DomainResource dr) {
                List<String> unread = dr.getExtension().stream().map(Extension::getUrl)
                        .filter(url -> url != null && !FhirCodes.READ_EXTENSIONS.contains(url)).distinct().toList();
                if (!unread.isEmpty() && index.isUsed(r)) {
                    draft.ignore(index.label(r), "extensions not read: " + String.join(", ", unread));
                }
            }
            if (!index.isUsed(r)) {
                draft.ignore(index.label(r), r instanceof DocumentReference
                        ? "a document; Authpack builds its packet from the case and attachments uploaded to it"
                        : "Authpack has no use for " + r.fhirType() + " resources");
            } else if (!draft.mentions(index.label(r))) {
                draft.ignore(index.label(r), "nothing in it that the case holds");
            }
        }
        return draft;
    }

    /** Takes out, one at a time, each value the case validator refuses, until the draft is valid. */
    private void withdrawRefused(CaseDraft draft) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            CaseValidator.Result result = validator.validateJson(draft.tree());
            if (result.valid()) {
                return;
            }
            List<FieldProblem> problems = new ArrayList<>(result.problems());
            boolean withdrew = false;
            for (int i = problems.size() - 1; i >= 0 && !withdrew; i--) {
                withdrew = draft.withdraw(problems.get(i));
            }
            if (!withdrew) {
                // a problem with nothing of ours to take out is a mapping bug: say what it is rather than guess
                throw new InputException(problems);
            }
        }
        throw new IllegalStateException("the bundle's values could not be brought into a valid case");
    }

    /**
     * The 400 for an unexpected failure, naming the resource the mappers took up last when there is one.
     * Logged as one WARN line with the exception's type and our frame it came from: its message may quote
     * the bundle (HAPI's do), so the message stays out of the log, and so does the trace but at DEBUG.
     */
    private static InputException unreadable(Throwable e, BundleIndex index, Resource at) {
        String where = Arrays.stream(e.getStackTrace()).filter(f -> f.getClassName().startsWith("dev.authpack."))
                .findFirst().map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "."
                        + f.getMethodName() + ":" + f.getLineNumber())
                .orElse("a library");
        log.warn("FHIR import refused as unreadable: {} in {} while reading {}", e.getClass().getSimpleName(), where,
                at == null ? "the bundle" : "a " + at.fhirType() + " (" + index.field(at) + ")");
        if (log.isDebugEnabled()) {
            Throwable trace = new Throwable(e.getClass().getName() + " (message left out: it may quote the bundle)");
            trace.setStackTrace(e.getStackTrace());
            log.debug("Stack trace of the refused FHIR import", trace);
        }
        return at == null ? new InputException("", "the bundle could not be read")
                : new InputException(index.field(at), "the bundle could not be read: the import stopped at "
                        + index.label(at) + "; check that resource's elements against FHIR R4");
    }
}
