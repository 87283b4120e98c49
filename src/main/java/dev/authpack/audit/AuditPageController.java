package dev.authpack.audit;

import dev.authpack.core.InputException;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for administrators in the web UI: the same filters and paging as the API, names
 * and words instead of bare ids, and the filtered trail as a CSV download (itself audited).
 */
@Controller
class AuditPageController {

    /** Rows in one CSV export; a longer trail is exported a date range at a time. */
    static final int MAX_EXPORT = 100_000;

    /** The language of messages.properties, the only bundle: the pages say {@code lang="en"} whatever is asked. */
    private static final Locale LABELS_LANGUAGE = Locale.ENGLISH;

    private final AuditSearch search;
    private final AuditLines lines;
    private final AuditLog audit;
    private final Clock clock;
    private final MessageSource messages;

    AuditPageController(AuditSearch search, AuditLines lines, AuditLog audit, Clock clock, MessageSource messages) {
        this.search = search;
        this.lines = lines;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String user,
                @RequestParam(name = "case", required = false) String caseId,
                @RequestParam(required = false) String document,
                @RequestParam(required = false) String action,
                @RequestParam(required = false) String lists,
                @RequestParam(required = false) String from,
                @RequestParam(required = false) String to,
                @RequestParam(required = false) String range,
                @RequestParam(required = false) String page,
                @RequestParam(required = false) String size,
                Model model) {
        DateRange quick = range == null || range.isBlank() ? null : DateRange.ofParameter(range.strip());
        if (quick != null) {
            // a range button fills From and To, whatever they held, with the days it names
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            from = quick.from(today).toString();
            to = today.toString();
        }
        model.addAttribute("user", user);
        model.addAttribute("caseId", caseId);
        model.addAttribute("document", document);
        model.addAttribute("action", action);
        ListReads chosen = lists == null ? null : ListReads.ofParameter(lists.strip());
        model.addAttribute("lists", chosen == null ? lists : chosen.parameter()); // "ONLY" selects "only" too
        model.addAttribute("listChoices", Arrays.stream(ListReads.values()).map(ListReads::parameter).toList());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actions", actionsByLabel(LocaleContextHolder.getLocale()));
        model.addAttribute("ranges", Arrays.stream(DateRange.values()).map(DateRange::parameter).toList());
        String filters = null;
        try {
            if (range != null && !range.isBlank() && quick == null) {
                throw new InputException("range", "must be today, 7 or 30 (days up to today, in UTC)");
            }
            AuditQuery query = AuditQueryParams.parse(user, caseId, document, action, lists, from, to, page, size);
            AuditPage result = search.find(query);
            if (result.items().isEmpty() && query.page() >= result.totalPages() && result.totalPages() > 0) {
                // past the end (an address typed, or kept while the filters changed): the last page, as the
                // case list and the worklist show; the API answers the page asked for, as its contract says
                query = query.onPage(result.totalPages() - 1);
                result = search.find(query);
            }
            model.addAttribute("result", result);
            model.addAttribute("lines", lines.of(result.items(), query.caseId()));
            // "listed cases" without list reads is empty (and "listed documents" keeps only a case's own lists): the
            // page says why, or an auditor reads "0 events" as "nobody listed cases"
            boolean leftOut = query.lists() == ListReads.EXCLUDE && query.action() != null
                    && AuditAction.listingCases().contains(AuditAction.valueOf(query.action()));
            model.addAttribute("listReadsLeftOutOf", leftOut ? query.action() : null);
            filters = query.filters();
        } catch (InputException e) {
            // nothing was shown; what was typed is not recorded, as it may be anything
            model.addAttribute("problems", e.problems());
        }
        audit.recordDetail(AuditAction.AUDIT_VIEWED, filters, AuditOutcome.OK);
        return "admin/audit";
    }

    /**
     * The actions in the order of the words the list shows: in the order of their names, "read the audit log" was
     * among the A's (AUDIT_VIEWED) and "signed in" among the L's (LOGIN), so an auditor read all ~60 to find one.
     * Sorted as English, the words' language (the one message bundle), not as the browser's: a Czech browser's
     * collator put "changed…" and "checked…" after "had…" (ch follows h), a Swedish one "was…" before "viewed…".
     */
    private List<String> actionsByLabel(Locale locale) {
        Collator collator = Collator.getInstance(LABELS_LANGUAGE);
        return Arrays.stream(AuditAction.values()).map(Enum::name)
                .sorted(Comparator.comparing((String a) -> messages.getMessage("audit.action." + a, null, a, locale),
                        collator))
                .toList();
    }

    /** The filtered trail, newest first, up to {@link #MAX_EXPORT} rows; a bad filter is a 400 problem. */
    @GetMapping("/admin/audit.csv")
    ResponseEntity<?> csv(@RequestParam(required = false) String user,
                               @RequestParam(name = "case", required = false) String caseId,
                               @RequestParam(required = false) String document,
                               @RequestParam(required = false) String action,
                               @RequestParam(required = false) String lists,
                               @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        AuditQuery query;
        try {
            query = AuditQueryParams.parse(user, caseId, document, action, lists, from, to, null, null);
        } catch (InputException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "A filter is not valid: " + e.problems().stream().map(p -> p.field() + " " + p.message()).toList());
            problem.setProperty("errors", e.problems());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        byte[] body = AuditCsv.of(lines.of(search.all(query, MAX_EXPORT), query.caseId()));
        audit.recordDetail(AuditAction.AUDIT_EXPORTED, query.filters(), AuditOutcome.OK);
        String name = "audit-log-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
