package dev.authpack.content;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A bad file under {@code templates/} stops start-up, and the administrator who edited it reads the
 * log: without this, what is wrong was line 160 of a 130-line chain of "Error creating bean ..."
 * stack traces. With it, Spring Boot prints its short "APPLICATION FAILED TO START" block instead:
 * the file, each problem with its key and line, and what to do, and no stack trace. Registered in
 * {@code META-INF/spring.factories}.
 */
class TemplateFailureAnalyzer extends AbstractFailureAnalyzer<TemplateException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TemplateException cause) {
        StringBuilder description = new StringBuilder("A file under the templates folder cannot be used.\n\n    File: ")
                .append(cause.file() == null ? "(unknown)" : cause.file().toAbsolutePath().normalize());
        for (TemplateException.Problem problem : cause.problems()) {
            description.append("\n    Problem: ").append(problem.describe());
        }
        return new FailureAnalysis(description.toString(),
                "Correct the file (or put back the last good copy) and start the service again. Nothing was "
                        + "changed: the service did not start with this content, and instances still running keep "
                        + "what they started with. templates/README.md says what each file may hold.",
                cause);
    }
}
