package dev.authpack.desk;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.CaseBinder;
import dev.authpack.casefile.CaseData;
import dev.authpack.casefile.CaseIntake;
import dev.authpack.casefile.CaseJson;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.CaseValidator;
import dev.authpack.casefile.StoredCase;
import dev.authpack.core.ConflictException;
import dev.authpack.core.InputException;
import dev.authpack.security.Actors;
import dev.authpack.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case form: create and edit. Inputs are named by JSON path and validated by the same
 * {@link CaseIntake} as the API (with form rules for text values); on any problem the form is
 * shown again with exactly what was typed and each message beside its field.
 */
@Controller
@PageController
class CaseFormController {

    static final String VIEW = "cases/form";
    static final String CONFIRMED = "_duplicateConfirmed";

    private final CaseService cases;
    private final CaseIntake intake;
    private final CaseJson json;
    private final CaseFormOptions options;
    private final AuditLog audit;
    private final CaseValidator validator;
    private final CaseFormErrors errors;
    private final CaseFormClinic clinic;
    private final CaseDuplicates duplicates;
    private final CaseFormConflicts conflicts;

    CaseFormController(CaseService cases, CaseIntake intake, CaseJson json, CaseFormOptions options,
                       AuditLog audit, CaseValidator validator, CaseFormErrors errors, CaseFormClinic clinic,
                       CaseDuplicates duplicates, CaseFormConflicts conflicts) {
        this.conflicts = conflicts;
        this.clinic = clinic;
        this.duplicates = duplicates;
        this.cases = cases;
        this.intake = intake;
        this.json = json;
        this.options = options;
        this.audit = audit;
        this.validator = validator;
        this.errors = errors;
    }

    @ModelAttribute
    void addOptions(Model model) {
        options.addTo(model);
        clinic.addTo(model);
    }

    @GetMapping("/cases/new")
    String initCreationForm(Model model) {
        CaseForm form = CaseForm.blank();
        clinic.prefill(form, model);
        model.addAttribute("form", form);
        return VIEW;
    }

    @PostMapping("/cases/new")
    String processCreationForm(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        CaseFormAction action = CaseFormAction.of(request.getParameter("_action"));
        CaseForm form = read(request, action, model);
        if (!action.isSave() || duplicateUnconfirmed(request, form, model)) {
            return VIEW;
        }
        ObjectNode tree = typedValues(form);
        if (form.hasErrors()) {
            return VIEW;
        }
        try {
            return saved(intake.create(tree, CaseBinder.Source.FORM), "new", redirect);
        } catch (InputException e) {
            form.reject(errors.word(form, e.problems(), Map.of()));
            return VIEW;
        }
    }

    @GetMapping("/cases/{id}/edit")
    String initUpdateForm(@PathVariable String id, Model model) {
        StoredCase stored = cases.read(id);
        audit.record(AuditAction.CASE_READ, stored.id().toString(), null, AuditOutcome.OK);
        model.addAttribute("caseId", stored.id());
        model.addAttribute("form", CaseFormTree.fromTree(json.tree(stored.data()), stored.version()));
        return VIEW;
    }

    @PostMapping("/cases/{id}/edit")
    String processUpdateForm(@PathVariable String id, HttpServletRequest request, Model model,
                             RedirectAttributes redirect) {
        UUID caseId = cases.read(id).id();
        model.addAttribute("caseId", caseId);
        CaseFormAction action = CaseFormAction.of(request.getParameter("_action"));
        CaseForm form = read(request, action, model);
        if (!action.isSave()) {
            return VIEW;
        }
        ObjectNode tree = typedValues(form);
        if (form.hasErrors()) {
            return VIEW;
        }
        try {
            long version = form.version() == null ? -1 : form.version();
            return saved(intake.replace(caseId, version, tree, CaseBinder.Source.FORM), caseId.toString(), redirect);
        } catch (InputException e) {
            form.reject(errors.word(form, e.problems(), Map.of()));
            return VIEW;
        } catch (ConflictException e) {
            answerLatest(caseId, tree, form, model);
            return VIEW;
        } catch (PessimisticLockingFailureException e) {
            // another change held the case's row longer than the database waits: nothing was saved, Save again works
            model.addAttribute("busy", true);
            return VIEW;
        }
    }

    /**
     * Someone saved the case after this form was opened. The form keeps every value the clerk typed
     * and now carries the stored version, with the fields where the two differ named beside the
     * stored values: Save then keeps the clerk's whole form, the link opens the stored version.
     * The stored case is read after the refusal, so the version and the values shown are one save.
     */
    private void answerLatest(UUID caseId, ObjectNode tree, CaseForm form, Model model) {
        StoredCase latest = cases.read(caseId);
        // the form passed every rule on its way to the refusal, so it binds here as well
        CaseData yours = validator.validateForm(tree).data();
        model.addAttribute("conflict", conflicts.describe(yours, latest, Actors.current().username()));
        form.answer(latest.version());
    }

    private CaseForm read(HttpServletRequest request, CaseFormAction action, Model model) {
        CaseForm form = CaseFormReader.read(request.getParameterMap(), action);
        clinic.applyChoice(form, request.getParameter(CaseFormClinic.CHOSEN), model);
        options.fillDrugClasses(form);
        model.addAttribute("form", form);
        return form;
    }

    /**
     * The case tree from what was typed, amounts, NPIs and phones written the clerk's way normalised
     * ({@link ClerkInput}). A value that cannot be read rejects the form, together with every other
     * problem the case rules find, so the clerk sees them all at once; the form keeps what was typed.
     */
    private ObjectNode typedValues(CaseForm form) {
        Map<String, String> refused = new LinkedHashMap<>();
        ObjectNode tree = CaseFormTree.toTree(ClerkInput.normaliseAll(form.values(), refused));
        form.sentTwice().forEach(path -> refused.put(path, "input.twice"));
        if (!refused.isEmpty()) {
            form.reject(errors.word(form, validator.validateForm(tree).problems(), refused));
        }
        return tree;
    }

    /**
     * A new case whose patient already has an open case comes back with a warning naming those
     * cases, unsaved, until the clerk confirms; the confirmation then travels with the form.
     */
    private boolean duplicateUnconfirmed(HttpServletRequest request, CaseForm form, Model model) {
        if (request.getParameter(CONFIRMED) != null) {
            model.addAttribute("duplicateConfirmed", true);
            return false;
        }
        List<CaseDuplicates.Duplicate> found = duplicates.openCasesOf(form);
        model.addAttribute("duplicates", found);
        return !found.isEmpty();
    }

    /** After a save the browser's local draft of that form ({@code draftKey}: case id or "new") is dropped. */
    private static String saved(StoredCase stored, String draftKey, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", "form.saved");
        redirect.addFlashAttribute("clearDraft", draftKey);
        return "redirect:/cases/" + stored.id();
    }
}
