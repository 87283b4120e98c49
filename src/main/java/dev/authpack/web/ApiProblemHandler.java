package dev.authpack.web;

import dev.authpack.core.ConflictException;
import dev.authpack.core.FieldProblem;
import dev.authpack.core.InputException;
import dev.authpack.core.NotFoundException;
import dev.authpack.core.StorageFullException;
import dev.authpack.core.UnprocessableException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.coyote.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure of an API call into an RFC 9457 problem: named domain exceptions here, and
 * Spring MVC's own (415, 405, unreadable bodies...) through the base class. No stack trace or
 * exception text ever reaches the client; unexpected failures are logged with ids only.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(InputException.class)
    ResponseEntity<ProblemDetail> input(InputException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", summary(e.problems()));
        // the records themselves, not maps: their members keep one order ("field", then "message") in every run
        p.setProperty("errors", e.problems());
        return respond(p);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "Not found", "No " + e.getMessage().replace(" not found", "")
                + " with this id is available to you."));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, e.title(), e.getMessage());
        e.members().forEach(p::setProperty);
        return respond(p);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> raced(ObjectOptimisticLockingFailureException e) {
        return respond(problem(HttpStatus.CONFLICT, "Stale version",
                "The case was changed by someone else at the same moment. Reload it and try again."));
    }

    /**
     * Another request held the row this one had to wait for longer than the database waits (H2: one
     * second): nothing was stored, and the same request a moment later goes through.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> waitedTooLong(PessimisticLockingFailureException e) {
        ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, HeldRow.TITLE,
                "Another change to the same case was being saved. Nothing was stored; try again in a moment.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(HeldRow.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(StorageFullException.class)
    ResponseEntity<ProblemDetail> refusedForRoom(StorageFullException e) {
        return storageFull(e);
    }

    @ExceptionHandler(UnprocessableException.class)
    ResponseEntity<ProblemDetail> unprocessable(UnprocessableException e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, e.title(), e.getMessage());
        e.members().forEach(p::setProperty);
        return respond(p);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", e.getMessage()));
    }

    /** No heap to spare for a large body right now: 503 with {@code Retry-After}, like a full generation queue. */
    @ExceptionHandler(LargeBodyBusyException.class)
    ResponseEntity<ProblemDetail> busy(LargeBodyBusyException e) {
        ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy with large uploads",
                "Other large uploads are being read right now. Nothing was stored; try again in "
                        + e.retryAfterSeconds() + " seconds.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(UnsupportedMediaTypeException.class)
    ResponseEntity<ProblemDetail> mediaType(UnsupportedMediaTypeException e) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type", e.getMessage()));
    }

    /**
     * A multipart body that does not parse (a wrong boundary, garbage after the header) is the
     * client's mistake: 400 naming the part, like any bad input. Over the size limit stays 413.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        if (StorageFull.causedBy(e)) {
            return storageFull(e); // the container could not spill the upload to disk: not the sender's mistake
        }
        if (StorageFull.unwritable(e)) {
            return unwritable(e);
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "File too large",
                    "The upload is larger than the configured limit."));
        }
        return input(new InputException("file", "could not be read: send a multipart/form-data body with the PDF "
                + "as part 'file'"));
    }

    /**
     * A body Tomcat cannot read as framed (a chunk size that is not hex, a chunked body sent with a
     * Content-Length too) or one the client stopped sending is the client's doing, not ours. It was an
     * ERROR "Unexpected failure" with a full trace for each such request, so one broken client could fill
     * the log operators alert on; now a 400 saying what to fix, logged in one line.
     */
    @ExceptionHandler({BadRequestException.class, ClientAbortException.class})
    ResponseEntity<ProblemDetail> unreadableBody(IOException e) {
        log.info("Request body could not be read ({}): answered 400", e.getClass().getSimpleName());
        // Tomcat has usually marked the answer as its own 400 already: the error page then says the same
        return respond(problem(HttpStatus.BAD_REQUEST, "Bad Request", ProblemErrorController.BROKEN_REQUEST));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // before the outage check: the embedded database closes itself when its disk fills, and every
        // request after that fails with "database closed" caused by the disk that is full
        if (StorageFull.causedBy(e)) {
            return storageFull(e);
        }
        if (StorageFull.unwritable(e)) {
            return unwritable(e);
        }
        if (StorageFull.outOfFileHandles(e)) {
            log.warn("Out of file descriptors (ulimit -n): answered 503 ({})", e.getClass().getName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(StorageFull.NO_FILE_HANDLES_RETRY_AFTER_SECONDS))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(HttpStatus.SERVICE_UNAVAILABLE,
                            StorageFull.NO_FILE_HANDLES_TITLE, StorageFull.NO_FILE_HANDLES_DETAIL));
        }
        if (DatabaseOutage.causedBy(e)) {
            log.warn("Database not reachable: answered 503 ({})", e.getClass().getName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.TITLE, DatabaseOutage.DETAIL));
        }
        log.error("Unexpected failure of an API call ({})", e.getClass().getName(), RedactedTrace.of(e));
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side. Nothing you sent was lost; please try again."));
    }

    /** One line in the log per such request, no stack trace: the cause is the disk, and the line says so. */
    private static ResponseEntity<ProblemDetail> storageFull(Exception e) {
        log.warn("Disk full: answered 507 ({})", e.getClass().getName());
        return ResponseEntity.status(HttpStatus.INSUFFICIENT_STORAGE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(StorageFull.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.INSUFFICIENT_STORAGE, StorageFull.TITLE,
                        e instanceof StorageFullException refused ? refused.getMessage() : StorageFull.DETAIL));
    }

    private static ResponseEntity<ProblemDetail> unwritable(Exception e) {
        log.warn("A folder of the service is not writable: answered 503 ({})", e.getClass().getName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(StorageFull.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, StorageFull.UNWRITABLE_TITLE, StorageFull.UNWRITABLE_DETAIL));
    }

    /**
     * A malformed id in the address ({@code /cases/not-a-uuid/packet}) names nothing, so it is "not found" like an
     * unknown one, as {@code GET /cases/not-a-uuid} and the pages answer; a malformed query value is the sender's
     * mistake (400 naming it). The id's kind comes from the parameter's name ({@code caseId} → "case").
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (ex instanceof MethodArgumentTypeMismatchException m && m.getParameter().hasParameterAnnotation(PathVariable.class)) {
            String name = String.valueOf(m.getParameter().getParameterName());
            return asObject(notFound(new NotFoundException(name.endsWith("Id") ? name.substring(0, name.length() - 2) : name)));
        }
        String field = ex.getPropertyName() == null ? "" : ex.getPropertyName();
        return asObject(input(new InputException(field, "has a value that is not allowed here")));
    }

    /** Says what the address answers in, and that nothing was done (a write is refused before it runs). */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String types = ex.getSupportedMediaTypes().stream().map(MediaType::toString).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        return asObject(respond(problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "The Accept header names none "
                + "of the types this address answers in" + (types.isEmpty() ? "" : " (" + types + ")")
                + ". Nothing was done.")));
    }

    /**
     * A form value Spring cannot turn into the parameter's type at all, such as a file sent where a
     * text field belongs (a multipart {@code title} with a file name): the sender's mistake, named.
     */
    @Override
    protected ResponseEntity<Object> handleConversionNotSupported(ConversionNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "" : ex.getPropertyName();
        boolean file = ex.getValue() instanceof MultipartFile || ex.getValue() instanceof jakarta.servlet.http.Part;
        return asObject(input(new InputException(field, file ? "must be text, not a file"
                : "has a value that is not allowed here")));
    }

    /**
     * A body that Spring's reader could not turn into the endpoint's type: the same 400 with
     * {@code errors} as any other bad input, naming the member where the reader stopped or the one
     * written twice ({@code spring.jackson.read.strict-duplicate-detection}); a body cut off by the
     * size limit stays a 413.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return asObject(tooLarge(tooLarge));
            }
        }
        if (ex.getCause() instanceof JacksonException j) {
            Optional<FieldProblem> twice = JsonPaths.duplicate(j);
            if (twice.isPresent()) {
                return asObject(input(new InputException(List.of(twice.get()))));
            }
            if (!j.getPath().isEmpty()) {
                return asObject(input(new InputException(JsonPaths.of(j.getPath()), "has a value of the wrong type or form")));
            }
        }
        return asObject(input(new InputException("", "the body is missing or is not valid JSON")));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(respond(problem(HttpStatus.CONTENT_TOO_LARGE, "File too large",
                "The upload is larger than the configured limit.")));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        HttpHeaders h = new HttpHeaders();
        h.addAll(headers);
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, h, status);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> r) {
        return (ResponseEntity) r;
    }

    /**
     * One problem as "field: message", as the pages word them: a message is a predicate ("must be 10
     * digits") or a sentence of its own ("the bundle has no Patient"), and the colon reads right for both.
     */
    private static String summary(List<FieldProblem> problems) {
        if (problems.size() == 1) {
            FieldProblem f = problems.get(0);
            return f.field().isEmpty() ? f.message() : f.field() + ": " + f.message();
        }
        return problems.size() + " fields need attention; see errors.";
    }
}
