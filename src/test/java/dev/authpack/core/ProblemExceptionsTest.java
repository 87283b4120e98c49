package dev.authpack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the problem+json answers are made of: the exceptions carry title, detail and extra members. */
class ProblemExceptionsTest {

    @Test
    void aStaleVersionIsAConflictWithoutExtraMembers() {
        ConflictException e = ConflictException.staleVersion("version 3 is not the stored version 4");

        assertThat(e.title()).isEqualTo("Stale version");
        assertThat(e.getMessage()).isEqualTo("version 3 is not the stored version 4");
        assertThat(e.members()).isEmpty();
    }

    @Test
    void aRefusedEventCarriesTheStatusAndTheAllowedTypes() {
        ConflictException e = new ConflictException("Event not allowed", "not now",
                Map.of("authStatus", "DENIED", "allowed", List.of("APPEALED")));

        assertThat(e.title()).isEqualTo("Event not allowed");
        assertThat(e.members()).containsEntry("authStatus", "DENIED").containsEntry("allowed", List.of("APPEALED"));
    }

    @Test
    void anUnprocessableRequestCarriesItsReport() {
        UnprocessableException e = new UnprocessableException("Case incomplete", "2 criteria not met",
                Map.of("report", "the report"));

        assertThat(e.title()).isEqualTo("Case incomplete");
        assertThat(e.getMessage()).isEqualTo("2 criteria not met");
        assertThat(e.members()).containsExactly(Map.entry("report", "the report"));
    }

    @Test
    void badInputNamesEachFieldOnce() {
        InputException e = new InputException(List.of(new FieldProblem("patient.dateOfBirth", "must be a date"),
                new FieldProblem("facility.npi", "must be 10 digits")));

        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("patient.dateOfBirth", "facility.npi");
        assertThat(e.getMessage()).startsWith("2 ");
        assertThat(new InputException("list", "must be one of ...").problems())
                .containsExactly(new FieldProblem("list", "must be one of ..."));
    }

    @Test
    void notFoundSaysWhatWasNotFound() {
        assertThat(new NotFoundException("case 42")).hasMessage("case 42 not found");
    }
}
