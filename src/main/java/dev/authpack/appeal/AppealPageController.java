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
            // the case page offers "the document you just made", as after a packet or an estimate
            redirect.addFlashAttribute("newDocument", appeals.generate(caseId).id());
            redirect.addFlashAttribute("message", "docs.generated");
            return "redirect:/cases/" + caseId + "#documents";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("eventProblems", List.of(e.getMessage()));
            return "redirect:/cases/" + caseId + "#authorization";
        }
    }
}
