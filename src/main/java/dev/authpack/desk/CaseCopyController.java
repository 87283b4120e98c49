package dev.authpack.desk;

import dev.authpack.web.PageController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Copy as new case" on the case page: the copy opens in the form, with what was cleared said there. */
@Controller
@PageController
class CaseCopyController {

    private final CaseCopies copies;

    CaseCopyController(CaseCopies copies) {
        this.copies = copies;
    }

    @PostMapping("/cases/{id}/copy")
    String copy(@PathVariable String id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", "case.copied");
        return "redirect:/cases/" + copies.copy(id).id() + "/edit";
    }
}
