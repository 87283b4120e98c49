package dev.authpack.authorization;

import dev.authpack.core.InputException;
import dev.authpack.web.PageController;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The start page of billing and clinic staff: the worklist, each list sortable by due date or patient, each
 * showing its first items with a link to the whole list ({@code show}), which is shown a page at a time.
 */
@Controller
@PageController
class WorklistPageController {

    static final String VIEW = "worklist/page";
    /**
     * Clinic staff start on this page too but cannot generate a packet: the reasons telling billing staff to
     * generate one are shown to them in these words (message keys) instead.
     */
    static final Map<String, String> CLINIC_REASONS = Map.of(
            WorklistRules.PACKET_OUTDATED, "worklist.reason.packetOutdated.clinic",
            WorklistRules.PACKET_TO_GENERATE, "worklist.reason.packetToGenerate.clinic");

    /**
     * Where on the case page each line's patient link opens: at the work its reason names. The checklist for a
     * case that lacks something, the documents for a packet to generate (Generate packet sits below the
     * authorization and the checklist); every other line is about the authorization (submit, record the
     * payer's answer, renew, appeal), whose section holds those buttons and forms.
     */
    static final Map<String, String> CASE_PLACES = Map.of(
            WorklistRules.CHECKLIST_LACKS, "checklist",
            WorklistRules.PACKET_TO_GENERATE, "documents",
            WorklistRules.PACKET_OUTDATED, "documents");
    static final String OTHER_PLACE = "authorization";

    private final WorklistService worklist;

    WorklistPageController(WorklistService worklist) {
        this.worklist = worklist;
    }

    @GetMapping("/worklist")
    String show(@RequestParam(required = false) String list, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, @RequestParam(required = false) String show,
                @RequestParam(required = false) String page, Model model) {
        WorklistSort order;
        try {
            order = WorklistSort.parse(list, sort, dir);
        } catch (InputException e) {
            order = null; // a hand-edited address falls back to the usual order rather than an error page
        }
        WorklistService.Page shown = worklist.page(order, show, pageNumber(page));
        model.addAttribute("worklist", shown.worklist());
        model.addAttribute("sections", shown.sections());
        model.addAttribute("order", order);
        model.addAttribute("clinicReasons", CLINIC_REASONS);
        model.addAttribute("casePlaces", CASE_PLACES);
        model.addAttribute("otherPlace", OTHER_PLACE);
        return VIEW;
    }

    /** The page of the list shown in full; a hand-edited or missing number is the first page, as with the sort. */
    private static int pageNumber(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
