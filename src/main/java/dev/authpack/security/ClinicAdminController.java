package dev.authpack.security;

import dev.authpack.core.ConflictException;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import dev.authpack.core.NotFoundException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's clinics page: the list with each clinic's number of accounts, a form to add
 * one and a name field per clinic to rename it. A refused form comes back with what was typed.
 */
@Controller
class ClinicAdminController {

    private static final String VIEW = "admin/clinics";

    private final ClinicAdministration clinics;
    private final MessageSource messages;

    ClinicAdminController(ClinicAdministration clinics, MessageSource messages) {
        this.clinics = clinics;
        this.messages = messages;
    }

    @GetMapping("/admin/clinics")
    String list(Model model) {
        model.addAttribute("clinics", clinics.clinics());
        return VIEW;
    }

    @PostMapping("/admin/clinics")
    String create(@RequestParam(required = false) String id, @RequestParam(required = false) String name,
                  Model model, RedirectAttributes redirect) {
        ClinicView created;
        try {
            created = clinics.create(id, name);
        } catch (InputException e) {
            return refusedCreate(worded(e.problems()), id, name, model);
        } catch (ConflictException e) {
            return refusedCreate(List.of(messages.getMessage("clinics.problem.taken", new Object[] {id.strip()},
                    LocaleContextHolder.getLocale())), id, name, model);
        }
        // flash attributes live in the session, which is in the database: plain strings only
        redirect.addFlashAttribute("createdId", created.id());
        redirect.addFlashAttribute("createdName", created.name());
        return "redirect:/admin/clinics";
    }

    @PostMapping("/admin/clinics/{id}/name")
    String rename(@PathVariable String id, @RequestParam(required = false) String name, Model model,
                  RedirectAttributes redirect) {
        ClinicView renamed;
        try {
            renamed = clinics.rename(id, name);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (InputException e) {
            model.addAttribute("rowProblems", worded(e.problems()));
            model.addAttribute("rowId", id);
            model.addAttribute("rowName", name);
            model.addAttribute("clinics", clinics.clinics());
            return VIEW;
        }
        redirect.addFlashAttribute("renamedId", renamed.id());
        redirect.addFlashAttribute("renamedName", renamed.name());
        return "redirect:/admin/clinics";
    }

    private String refusedCreate(List<String> problems, String id, String name, Model model) {
        model.addAttribute("createProblems", problems);
        model.addAttribute("newId", id);
        model.addAttribute("newName", name);
        model.addAttribute("clinics", clinics.clinics());
        return VIEW;
    }

    /** Each problem said of the field's label ("Clinic id must be ..."), as the users page words its own. */
    private List<String> worded(List<FieldProblem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        return problems.stream()
                .map(p -> messages.getMessage("clinics.field." + p.field(), null, p.field(), locale) + " " + p.message())
                .toList();
    }
}
