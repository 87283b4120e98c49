package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.authpack.core.FieldProblem;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/** A member written twice is named where it stands, as the contract writes field paths; other broken JSON is not. */
class JsonPathsTest {

    private static final JsonMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{'id': 'a', 'id': 'b'}                                  | id",
            "{'patient': {'lastName': 'A', 'lastName': 'B'}}          | patient.lastName",
            "{'history': [{'drug': 'a'}, {'drug': 'a', 'drug': 'b'}]} | history[1].drug",
            "{'a': [[{'x': 1, 'x': 2}]]}                             | a[0][0].x",
            "{'order': ['x'], 'by': 1, 'order': ['y']}               | order"})
    void aDuplicateIsNamedByItsPath(String body, String path) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> STRICT.readTree(body.replace('\'', '"')));

        assertThat(JsonPaths.duplicate(e)).contains(new FieldProblem(path, "is given twice: send each member once"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"{'id': ", "{'id': 'a'} x", "{'id': NaN}", "{'id' 'a'}"})
    void otherBrokenJsonIsNoDuplicate(String body) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build()
                .readTree(body.replace('\'', '"')));

        assertThat(e).isNotNull();
        assertThat(JsonPaths.duplicate(e)).isEqualTo(Optional.empty());
    }
}
