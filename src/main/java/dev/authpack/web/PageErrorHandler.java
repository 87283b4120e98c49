package dev.authpack.web;

import dev.authpack.core.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Page controllers' named failures as pages. Another clinic's case is "not found" here too, with the
 * same page as a case that does not exist.
 */
@ControllerAdvice(annotations = PageController.class)
class PageErrorHandler {

    static final String NOT_FOUND_VIEW = "error/404";
    static final String ERROR_VIEW = "error";

    private final UnreadFormValues unread;

    PageErrorHandler(MessageSource messages) {
        this.unread = new UnreadFormValues(messages);
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return NOT_FOUND_VIEW;
    }

    /**
     * A malformed piece of the address ({@code /cases/not-a-uuid/estimate}, {@code .../pages/abc}) names
     * nothing, so it is "not found" like an unknown one; a malformed form or query value is the
     * sender's mistake: said on the form's page when its handler names one ({@link FormOnPage}), else a 400 page.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformed(MethodArgumentTypeMismatchException e, HandlerMethod handler, HttpServletRequest request) {
        boolean inAddress = e.getParameter().hasParameterAnnotation(PathVariable.class);
        if (!inAddress) {
            var back = unread.backToPage(handler, e.getName(), e.getParameter(), e.getValue(), request);
            if (back.isPresent()) {
                return back.get();
            }
        }
        ModelAndView page = new ModelAndView(inAddress ? NOT_FOUND_VIEW : ERROR_VIEW);
        page.setStatus(inAddress ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
        return page;
    }

    /** A file sent where the form has a text field (a crafted upload): said as {@link #malformed} does, never a 500. */
    @ExceptionHandler(MethodArgumentConversionNotSupportedException.class)
    ModelAndView unconvertible(MethodArgumentConversionNotSupportedException e, HandlerMethod handler,
                               HttpServletRequest request) {
        var back = unread.backToPage(handler, e.getName(), e.getParameter(), e.getValue(), request);
        if (back.isPresent()) {
            return back.get();
        }
        ModelAndView page = new ModelAndView(ERROR_VIEW);
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }

    /**
     * No heap to spare for a large upload right now (the FHIR import page): 503 with {@code Retry-After}
     * and a page saying to try again; nothing was read or stored. The case page's attachments say it in place.
     */
    @ExceptionHandler(LargeBodyBusyException.class)
    ModelAndView busy(LargeBodyBusyException e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        ModelAndView page = new ModelAndView(ERROR_VIEW);
        page.addObject("detailKey", "upload.busy");
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        return page;
    }

    /** An upload whose multipart body does not parse is the browser's (or a script's) mistake: 400, not 500. */
    @ExceptionHandler(MultipartException.class)
    ModelAndView unreadableUpload(MultipartException e) {
        HttpStatus status = e instanceof MaxUploadSizeExceededException ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        ModelAndView page = new ModelAndView(ERROR_VIEW);
        page.setStatus(status);
        return page;
    }
}
