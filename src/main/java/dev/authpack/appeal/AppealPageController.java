package dev.authpack.appeal;

import dev.authpack.core.ConflictException;
import dev.authpack.web.PageController;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page's "Generate appeal packet" button. */
@Controller
@PageController
class AppealPageController {

    private final AppealService appeals;

    AppealPageController(AppealService appeals) {
        this.appeals = appeals;
    }

    @PostMapping("/cases/{caseId}/appeal-packet")
    String generate(@PathVariable UUID caseId, RedirectAttributes redirect) {
        try {
            // Offered beside the button, not under Documents a screen and a half further down: the next step,
            // recording the appeal once it is sent, is the form just below the button.
            redirect.addFlashAttribute("appealDocument", appeals.generate(caseId).id());
            redirect.addFlashAttribute("message", "docs.generated");
            return "redirect:/cases/" + caseId + "#authorization";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("eventProblems", List.of(e.getMessage()));
            return "redirect:/cases/" + caseId + "#authorization";
        }
    }
}
