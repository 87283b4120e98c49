package dev.authpack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A refused form's problems by the input they are about, as pages link them (aria-invalid, aria-describedby). */
class FormProblemsTest {

    private static final FormProblems PROBLEMS = FormProblems.of("create-problem", List.of(
            new FieldProblem("password", "too short"), new FieldProblem("", "try again later"),
            new FieldProblem("codes[1]", "not a code"), new FieldProblem("password", "too common"),
            new FieldProblem("codes[3]", "not a code either")), p -> p.field() + " " + p.message());

    @ParameterizedTest(name = "{0}: has {1}, described by [{2}], beside it [{3}]")
    @CsvSource(delimiter = '|', value = {
            "password | true  | create-problem-0 create-problem-3 | password too short; password too common",
            "codes    | true  | create-problem-2 create-problem-4 | codes[1] not a code; codes[3] not a code either",
            "codes[1] | false |                                   | ",
            "username | false |                                   | ",
            "''       | false |                                   | ",
    })
    void anInputIsLinkedToEveryProblemAboutItAndOnlyThose(String input, boolean has, String describedBy, String text) {
        assertThat(PROBLEMS.has(input)).isEqualTo(has);
        assertThat(PROBLEMS.describedBy(input)).isEqualTo(describedBy);
        assertThat(PROBLEMS.text(input)).isEqualTo(text);
    }

    @Test
    void theListKeepsEveryProblemInOrderEachWithItsOwnIdAndWords() {
        assertThat(PROBLEMS.lines()).extracting(FormProblems.Line::id, FormProblems.Line::text).containsExactly(
                tuple("create-problem-0", "password too short"),
                tuple("create-problem-1", " try again later"),
                tuple("create-problem-2", "codes[1] not a code"),
                tuple("create-problem-3", "password too common"),
                tuple("create-problem-4", "codes[3] not a code either"));
    }

    /** A redirected page gets it as a flash attribute, which the session keeps in the database. */
    @Test
    void itSurvivesTheSessionsSerialization() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(PROBLEMS);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            FormProblems read = (FormProblems) in.readObject();
            assertThat(read.lines()).isEqualTo(PROBLEMS.lines());
        }
    }
}
