package dev.authpack.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.authpack.content.TemplateException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strict reader's checks of a file as a whole, and the parts of its messages every feature shares. */
class YamlTemplatesTest {

    private static final Path NAME = Path.of("upload.yaml");

    @TempDir
    Path dir;

    /** A file that is not one section of keys is refused before any key is read (docs/policies.md, upload step 1). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a list                | - a\\n- b                 | the file must hold one policy (a section of keys), found a list (line 1)
        a text                | just words               | the file must hold one policy (a section of keys), found the text 'just words' (line 1)
        nothing at all        | ''                       | the file is empty
        two documents         | id: a\\n---\\nid: b        | the file holds more than one YAML document (a second one starts here): keep one per file (line 3)
        """)
    void fileThatIsNotOneSectionIsRefusedAsAWhole(String why, String text, String expected) {
        TemplateException e = catchThrowableOfType(TemplateException.class,
                () -> YamlTemplates.parse(NAME, text.replace("\\n", "\n"), Map.class, "one policy"));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).extracting(Problem::key).containsExactly("");
        assertThat(e.problem()).isEqualTo(expected);
        assertThat(e.file()).isEqualTo(NAME);
        assertThat(e).hasMessage(NAME + ": " + expected);
    }

    /** A syntax error keeps the reader's one-line reason and gives its line, without the reader's excerpt of the file. */
    @Test
    void brokenYamlNamesItsLineInOneSentence() {
        TemplateException e = catchThrowableOfType(TemplateException.class,
                () -> YamlTemplates.readText(NAME, "id: a\nname: one: two\n", Map.class));

        assertThat(e.problem()).isEqualTo("not valid YAML: mapping values are not allowed here (line 2)");
    }

    @Test
    void textIsReadLikeAFile() {
        assertThat(YamlTemplates.readText(NAME, "a: 1\n", Map.class)).isEqualTo(Map.of("a", 1));
    }

    @Test
    void problemWithoutALineSaysNoLine() {
        assertThat(new Problem("effectiveFrom", "effectiveFrom is required", 0).describe())
                .isEqualTo("at effectiveFrom: effectiveFrom is required");
        assertThat(new Problem(null, "the file is empty", 1).describe()).isEqualTo("the file is empty (line 1)");
    }

    /** Only YAML files are templates; a folder named like one, or a note beside them, is not read. */
    @Test
    void filesListsOnlyYamlFilesInNameOrder() throws IOException {
        Files.writeString(dir.resolve("b.yml"), "a: 1");
        Files.writeString(dir.resolve("a.yaml"), "a: 1");
        Files.writeString(dir.resolve("notes.txt"), "a: 1");
        Files.writeString(dir.resolve("c.yaml.bak"), "a: 1");
        Files.createDirectory(dir.resolve("d.yaml"));

        assertThat(YamlTemplates.files(dir)).extracting(p -> p.getFileName().toString()).containsExactly("a.yaml", "b.yml");
    }
}
