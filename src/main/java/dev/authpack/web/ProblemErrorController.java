package dev.authpack.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Errors that happen before any controller is chosen (unknown URL, an upload over the size limit,
 * a failure in a filter) reach the servlet container's error page. For machines that page is an
 * RFC 9457 problem like every other API error; browsers still get the HTML error page.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController extends BasicErrorController {

    private final ErrorAttributes errors;

    ProblemErrorController(ErrorAttributes errorAttributes, WebProperties web,
                           List<ErrorViewResolver> resolvers) {
        super(errorAttributes, web.getError(), resolvers);
        this.errors = errorAttributes;
    }

    /** The case page's upload form posts here; its message key is the one the upload controller flashes. */
    private static final Pattern CASE_UPLOAD = Pattern.compile("/cases/([0-9a-fA-F-]{36})/attachments");

    /**
     * The pages whose forms post to addresses that take no GET (the address, then the page): a refused form is
     * shown at its post address, and reopening that from the history or a restored tab opens it with GET.
     */
    private static final List<Map.Entry<Pattern, String>> FORM_PAGES = List.of(
            Map.entry(Pattern.compile("/cases/([0-9a-fA-F-]{36})/[a-z-]+(/[0-9a-fA-F-]{36}/[a-z]+)?"), "/cases/$1"),
            Map.entry(Pattern.compile("/admin/users/[^/]+/[a-z]+"), "/admin/users"),
            Map.entry(Pattern.compile("/admin/clinics/[^/]+/name"), "/admin/clinics"));

    /**
     * An upload over the servlet's multipart limit fails before any controller sees it. From the case
     * page, the clerk is sent back to it with the same message a smaller over-limit file gets, instead
     * of a bare error page. A form's post address opened with GET leads to the form's page (303), not to
     * "method not allowed".
     */
    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? null : uri.toString().substring(request.getContextPath().length());
        if (getStatus(request) == HttpStatus.METHOD_NOT_ALLOWED && path != null
                && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            for (Map.Entry<Pattern, String> form : FORM_PAGES) {
                Matcher m = form.getKey().matcher(path);
                if (m.matches()) {
                    response.setStatus(HttpStatus.SEE_OTHER.value());
                    response.setHeader("Location", request.getContextPath() + m.replaceFirst(form.getValue()));
                    return null;
                }
            }
        }
        Matcher upload = path == null ? null : CASE_UPLOAD.matcher(path);
        if (getStatus(request) == HttpStatus.CONTENT_TOO_LARGE && upload != null && upload.matches()) {
            String casePage = request.getContextPath() + "/cases/" + upload.group(1);
            RequestContextUtils.getOutputFlashMap(request).put("attachProblem", "attach.tooLarge");
            RequestContextUtils.saveOutputFlashMap(casePage, request, response);
            return new ModelAndView("redirect:/cases/" + upload.group(1) + "#attachments");
        }
        return super.errorHtml(request, response);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", status == HttpStatus.UNSUPPORTED_MEDIA_TYPE ? unsupportedType(request) : detail(status));
        Object path = getErrorAttributes(request, ErrorAttributeOptions.of(ErrorAttributeOptions.Include.PATH))
                .get("path");
        if (path != null) {
            problem.put("instance", path);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A request for {@code /error} itself, not forwarded by the container after a failure, carries no
     * status: it is an address with nothing at it (404), not a server error.
     */
    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            return HttpStatus.NOT_FOUND;
        }
        return super.getStatus(request);
    }

    static final String BROKEN_REQUEST = "The request could not be read: its body ended early or its framing is "
            + "broken (send a Content-Length that matches the body, or Transfer-Encoding: chunked with hexadecimal "
            + "chunk sizes, not both), or a header is malformed.";

    static final String UNSUPPORTED_TYPE = "The body's Content-Type is not one this address reads: ";

    /**
     * The types the address reads, from the mapping that refused the body (the Accept header says the same): the one
     * sentence for all, "uploads are multipart/form-data ...; other writes take application/json", told a policy
     * sent as JSON to the policy upload, which reads YAML, the opposite of the truth.
     */
    private String unsupportedType(HttpServletRequest request) {
        if (errors.getError(new ServletWebRequest(request)) instanceof HttpMediaTypeNotSupportedException refused
                && !refused.getSupportedMediaTypes().isEmpty()) {
            List<String> types = refused.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
            boolean upload = refused.getSupportedMediaTypes().stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes);
            MediaType sent = refused.getContentType();
            return UNSUPPORTED_TYPE + "send " + (types.size() == 1 ? types.get(0)
                    : String.join(", ", types.subList(0, types.size() - 1)) + " or " + types.get(types.size() - 1))
                    + (upload ? " with the PDF as part 'file'" : "")
                    + (sent == null ? "" : ", not " + sent.getType() + "/" + sent.getSubtype()) + ".";
        }
        return detail(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            // what reaches here as 400 is Tomcat's: a body it could not read as framed, or a malformed request line or header
            case BAD_REQUEST -> BROKEN_REQUEST;
            case CONTENT_TOO_LARGE -> "The request is larger than the configured limit.";
            case METHOD_NOT_ALLOWED -> "This address does not accept this method.";
            case UNAUTHORIZED -> "Sign-in required.";
            case FORBIDDEN -> "Your role does not allow this action.";
            case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_TYPE + "uploads are multipart/form-data with the PDF as part "
                    + "'file'; other writes take application/json.";
            case NOT_ACCEPTABLE -> "The Accept header names no type this address answers in.";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side. Nothing you sent was lost; please try again."
                    : "The request could not be processed.";
        };
    }
}
