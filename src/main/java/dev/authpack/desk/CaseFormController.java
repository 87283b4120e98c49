package dev.authpack.desk;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditOutcome;
import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.CaseBinder;
import dev.authpack.casefile.CaseIntake;
import dev.authpack.casefile.CaseJson;
import dev.authpack.casefile.CaseService;
import dev.authpack.casefile.StoredCase;
import dev.authpack.core.ConflictException;
import dev.authpack.core.InputException;
import dev.authpack.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case form: create and edit. Inputs are named by JSON path and validated by the same
 * {@link CaseIntake} as the API (with form rules for text values); on any problem the form is
 * shown again with exactly what was typed and each message beside its field.
 */
@Controller
@PageController
class CaseFormController {

    static final String VIEW = "cases/form";

    private final CaseService cases;
    private final CaseIntake intake;
    private final CaseJson json;
    private final CaseFormOptions options;
    private final AuditLog audit;

    CaseFormController(CaseService cases, CaseIntake intake, CaseJson json, CaseFormOptions options,
                       AuditLog audit) {
        this.cases = cases;
        this.intake = intake;
        this.json = json;
        this.options = options;
        this.audit = audit;
    }

    @ModelAttribute
    void addOptions(Model model) {
        options.addTo(model);
    }

    @GetMapping("/cases/new")
    String initCreationForm(Model model) {
        model.addAttribute("form", CaseForm.blank());
        return VIEW;
    }

    @PostMapping("/cases/new")
    String processCreationForm(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        CaseFormAction action = CaseFormAction.of(request.getParameter("_action"));
        CaseForm form = read(request, action, model);
        if (!action.isSave()) {
            return VIEW;
        }
        try {
            return saved(intake.create(CaseFormTree.toTree(form), CaseBinder.Source.FORM), "new", redirect);
        } catch (InputException e) {
            form.reject(e.problems());
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
        try {
            long version = form.version() == null ? -1 : form.version();
            return saved(intake.replace(caseId, version, CaseFormTree.toTree(form), CaseBinder.Source.FORM),
                    caseId.toString(), redirect);
        } catch (InputException e) {
            form.reject(e.problems());
            return VIEW;
        } catch (ConflictException e) {
            model.addAttribute("conflict", true);
            return VIEW;
        }
    }

    private CaseForm read(HttpServletRequest request, CaseFormAction action, Model model) {
        CaseForm form = CaseFormReader.read(request.getParameterMap(), action);
        options.fillDrugClasses(form);
        model.addAttribute("form", form);
        return form;
    }

    /** After a save the browser's local draft of that form ({@code draftKey}: case id or "new") is dropped. */
    private static String saved(StoredCase stored, String draftKey, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", "form.saved");
        redirect.addFlashAttribute("clearDraft", draftKey);
        return "redirect:/cases/" + stored.id();
    }
}
