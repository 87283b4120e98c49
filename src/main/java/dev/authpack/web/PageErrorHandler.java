package dev.authpack.web;

import dev.authpack.core.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Page controllers' named failures as pages. Another clinic's case is "not found" here too, with the
 * same page as a case that does not exist.
 */
@ControllerAdvice(annotations = PageController.class)
class PageErrorHandler {

    static final String NOT_FOUND_VIEW = "error/404";

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return NOT_FOUND_VIEW;
    }
}
