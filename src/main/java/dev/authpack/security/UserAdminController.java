package dev.authpack.security;

import dev.authpack.core.FieldProblem;
import dev.authpack.core.FormProblems;
import dev.authpack.core.InputException;
import dev.authpack.core.NotFoundException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
 * The administrator's user pages: list, create, reset a password, disable, enable and unlock,
 * change role or clinic, change the name. Forms carry the CSRF token. An action that opens a clinic's patient data to someone
 * says so ("grants access to clinic X").
 */
@Controller
class UserAdminController {

    /** Said of a role sent that is none of {@link Role}'s, naming the ones there are. */
    static final String UNKNOWN_ROLE = "is not one of the known roles: " + Arrays.stream(Role.values())
            .map(Role::name).collect(Collectors.joining(", "));

    private final UserAdministration admin;
    private final MessageSource messages;

    UserAdminController(UserAdministration admin, MessageSource messages) {
        this.admin = admin;
        this.messages = messages;
    }

    /** The administrator's landing page ("/" sends administrators here). */
    @GetMapping("/admin")
    String home() {
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        fill(model);
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(required = false) String username,
                  @RequestParam(required = false) String displayName, @RequestParam(required = false) String role,
                  @RequestParam(required = false) String clinicId, @RequestParam(required = false) String password,
                  Model model, RedirectAttributes redirect) {
        try {
            admin.create(username, displayName, parseRole(role), clinicId, password);
        } catch (InputException e) {
            model.addAttribute("createProblems", worded("create-problem", knownRole(role, e.problems())));
            model.addAttribute("newUsername", username);
            model.addAttribute("newDisplayName", displayName);
            model.addAttribute("newRole", role);
            model.addAttribute("newClinicId", clinicId);
            fill(model);
            return "admin/users";
        }
        redirect.addFlashAttribute("created", username.strip());
        grantNote(redirect, parseRole(role), clinicId == null ? null : clinicId.strip(), true);
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(@PathVariable String username, @RequestParam(required = false) String password,
                         Model model, RedirectAttributes redirect) {
        try {
            admin.resetPassword(username, password);
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (InputException e) {
            model.addAttribute("resetProblems", worded("reset-problem", e.problems()));
            model.addAttribute("resetUsername", username);
            fill(model);
            return "admin/users";
        }
        redirect.addFlashAttribute("reset", username);
        admin.users().stream().filter(u -> u.username().equals(username)).findFirst()
                .ifPresent(u -> grantNote(redirect, u.role(), u.clinicId(), true));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable String username, Model model, RedirectAttributes redirect) {
        return act(username, model, redirect, "disabled", Map.of(),
                () -> admin.disable(username, Actors.current().username()));
    }

    @PostMapping("/admin/users/{username}/enable")
    String enable(@PathVariable String username, Model model, RedirectAttributes redirect) {
        return act(username, model, redirect, "enabled", Map.of(), () -> admin.enable(username));
    }

    @PostMapping("/admin/users/{username}/unlock")
    String unlock(@PathVariable String username, Model model, RedirectAttributes redirect) {
        return act(username, model, redirect, "unlocked", Map.of(), () -> admin.unlock(username));
    }

    @PostMapping("/admin/users/{username}/name")
    String rename(@PathVariable String username, @RequestParam(required = false) String displayName, Model model,
                  RedirectAttributes redirect) {
        return act(username, model, redirect, "renamed", typed("displayName", displayName),
                () -> admin.rename(username, displayName));
    }

    @PostMapping("/admin/users/{username}/access")
    String changeAccess(@PathVariable String username, @RequestParam(required = false) String role,
                        @RequestParam(required = false) String clinicId, Model model, RedirectAttributes redirect) {
        return act(username, model, redirect, "accessChanged", typed("role", role, "clinicId", clinicId),
                () -> admin.changeAccess(username, parseRole(role), clinicId, Actors.current().username()));
    }

    /**
     * Each problem said of the field's label ("Password must ..."); a clinic not chosen is asked for instead.
     * Each line gets an id starting {@code idPrefix}, which the input it is about names (aria-describedby).
     */
    private FormProblems worded(String idPrefix, List<FieldProblem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        return FormProblems.of(idPrefix, problems, p -> Arrays.stream(Role.values())
                .filter(r -> r != Role.ADMIN && p.message().equals(UserAdministration.noClinic(r))).findFirst()
                .map(r -> messages.getMessage("users.problem.noClinic." + r, null, locale))
                .orElseGet(() -> messages.getMessage("users.field." + p.field(), null, p.field(), locale) + " "
                        + p.message()));
    }

    /**
     * Runs one account action; the page says what happened, and which clinic's data it opened. Refused,
     * the row's inputs show what the administrator sent ({@code typed}), not the stored values, as the
     * create form and the case form do: the problem beside the input is about that value.
     */
    private String act(String username, Model model, RedirectAttributes redirect, String done,
                       Map<String, String> typed, java.util.function.Supplier<UserView> action) {
        UserView changed;
        try {
            changed = action.get();
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (InputException e) {
            model.addAttribute("rowProblems", worded("row-problem", knownRole(typed.get("role"), e.problems())));
            model.addAttribute("rowUsername", username);
            model.addAttribute("rowTyped", typed);
            fill(model);
            return "admin/users";
        }
        redirect.addFlashAttribute(done, username);
        redirect.addFlashAttribute("changedRole", changed.role());
        redirect.addFlashAttribute("changedClinic", changed.clinicId());
        grantNote(redirect, changed.role(), changed.clinicId(), !"disabled".equals(done) && !"renamed".equals(done));
        return "redirect:/admin/users";
    }

    /** Name, value pairs of what a row form sent; a parameter not sent is left out. */
    private static Map<String, String> typed(String... nameValues) {
        Map<String, String> typed = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                typed.put(nameValues[i], nameValues[i + 1]);
            }
        }
        return typed;
    }

    private static void grantNote(RedirectAttributes redirect, Role role, String clinicId, boolean grants) {
        if (grants && role != Role.ADMIN && clinicId != null) {
            redirect.addFlashAttribute("grantsAccessTo", clinicId);
        }
    }

    private void fill(Model model) {
        model.addAttribute("users", admin.users());
        model.addAttribute("clinics", admin.clinicNames());
        model.addAttribute("roles", Arrays.asList(Role.values()));
    }

    /**
     * The problems, with "Role is required" said as what it is when a role was sent that is none of ours (a
     * crafted or stale form posting {@code role=SUPERUSER}): the administrator did choose one, so "is required"
     * sent them looking for an empty field.
     */
    private static List<FieldProblem> knownRole(String typed, List<FieldProblem> problems) {
        if (typed == null || typed.isBlank() || parseRole(typed) != null) {
            return problems;
        }
        return problems.stream().map(p -> p.field().equals("role") && p.message().equals("is required")
                ? new FieldProblem("role", UNKNOWN_ROLE) : p).toList();
    }

    private static Role parseRole(String role) {
        if (role == null) {
            return null;
        }
        try {
            return Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
