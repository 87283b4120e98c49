package dev.authpack.generation;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A full generation queue as 503 problem+json with {@code Retry-After}. Ordered first because the API's
 * general handler would otherwise answer every exception it does not name as a 500.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BusyProblems {

    @ExceptionHandler(GenerationBusyException.class)
    ResponseEntity<ProblemDetail> busy(GenerationBusyException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Documents are being generated at full capacity. Nothing was stored; try again in "
                        + e.retryAfterSeconds() + " seconds.");
        p.setTitle("Busy generating documents");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
