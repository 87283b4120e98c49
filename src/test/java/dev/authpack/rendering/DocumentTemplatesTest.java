package dev.authpack.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * The engine keeps what it learnt about view models from one document to the next (docs/performance.md);
 * these prove that what is kept never mixes one document's values into another's, and that the
 * context it evaluates in lets a template reach nothing but its view model.
 */
class DocumentTemplatesTest {

    record Patient(String name, int count) {
    }

    /** Same property names, another class: a reader remembered for {@link Patient} must not be used on it. */
    record Clinic(String name, long count) {
    }

    private final DocumentTemplates templates = new DocumentTemplates(Path.of("src/test/resources/rendering/reuse"));

    @Test
    void documentsFilledInTurnOnTwoThreadsEachShowTheirOwnValues() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> filled = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Object vm = i % 2 == 0 ? new Patient("Patient " + i, i) : new Clinic("Clinic " + i, i * 1000L);
                filled.add(pool.submit(() -> templates.fill("line", vm, Locale.ENGLISH)));
            }
            for (int i = 0; i < 400; i++) {
                String expected = i % 2 == 0 ? "Patient " + i + "</span>|<span>" + i
                        : "Clinic " + i + "</span>|<span>" + i * 1000L;
                assertThat(filled.get(i).get()).as("document %d", i).contains(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Administrators edit templates without a build; one must not print the service's secrets into a PDF. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bean,       a Spring bean (@systemEnvironment)",
        "static,     a static method (T(java.lang.System).getenv)",
        "reflection, the view model's class loader",
        "create,     a new object (new java.io.File)"})
    void aTemplateReachesItsViewModelAndNothingElse(String template, String reach) {
        assertThatThrownBy(() -> templates.fill(template, new Patient("Dana", 1), Locale.ENGLISH))
                .as(reach).isInstanceOf(TemplateProcessingException.class)
                .rootCause().hasMessageMatching("(?s).*(is forbidden|No bean resolver).*");
    }
}
