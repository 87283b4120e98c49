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

    /**
     * The mistakes people make editing YAML by hand are said in their words, with what to do and the
     * line where the reader stopped; the reader's own wording stays for anything else.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        second colon on a line     | id: a\\nname: one: two                                   | a ':' the reader cannot place: check this line's indentation, or put text containing ': ' in quotes (line 2)
        key indented under a value | id: a\\n  name: b                                        | a ':' the reader cannot place: check this line's indentation, or put text containing ': ' in quotes (line 2)
        tab for indentation        | id: a\\n\tname: b                                       | a tab character: indent with spaces only (line 2)
        keys out of line           | a:\\n  b:\\n    c: 1\\n   d: 2                         | this line is indented differently from the keys before it: the keys of one section start in the same column (line 4)
        quote never closed         | id: a\\nname: "unclosed                                  | a quote is opened and not closed (line 2)
        list never closed          | id: a\\nname: [a, b                                      | a list in [ ] is not closed with ] (line 2)
        section never closed       | id: a\\nname: {a: 1                                      | a section in { } is not closed with } (line 2)
        text starting with @       | id: a\\nname: @x                                         | text cannot start with @: put it in quotes (line 2)
        text starting with %       | id: a\\nname: %x                                         | text cannot start with %: put it in quotes (line 2)
        text after a quoted value  | id: a\\nname: "x" y                                      | more text after a quoted value: put the whole text in the quotes (line 2)
        list item among keys       | a:\\n  - x\\n  b: c                                     | list items ('- …') and keys ('key: …') are mixed at one indentation: a section holds one or the other (line 3)
        anything else keeps the reader's words | id: a\\nname: & x                       | not valid YAML: while scanning an anchor: unexpected character found
        """)
    void brokenYamlSaysWhatToFixAndWhere(String why, String text, String expected) {
        TemplateException e = catchThrowableOfType(TemplateException.class,
                () -> YamlTemplates.parse(NAME, text.replace("\\n", "\n").replace("\\t", "\t"), Map.class, null));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.problem()).startsWith(expected.startsWith("not valid YAML") ? expected : "not valid YAML: " + expected);
    }

    /** Bound, a key with nothing after it is null like one left out; an optional key's check must tell them apart. */
    @Test
    void keyWrittenWithNothingAfterItIsFoundAndOneLeftOutIsNot() {
        YamlTemplates.Parsed<Map> parsed = YamlTemplates.parse(NAME, "a: 1\nb:\nc: ''\n", Map.class, null);

        assertThat(parsed.has("b")).isTrue();
        assertThat(parsed.text("b")).isNull();
        assertThat(parsed.line("b")).isEqualTo(2);
        assertThat(parsed.has("c")).isTrue();
        assertThat(parsed.has("d")).isFalse();
    }

    @Test
    void textIsReadLikeAFile() {
        assertThat(YamlTemplates.parse(NAME, "a: 1\n", Map.class, null).value()).isEqualTo(Map.of("a", 1));
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

    /** An editor that saves Latin-1 (a "®" in a policy name) is told so, with the line, not "MalformedInputException". */
    @Test
    void aFileSavedAsLatin1IsRefusedNamingTheLineOfTheFirstAccent() throws IOException {
        Path file = dir.resolve("catalog.yaml");
        Files.write(file, "version: \"2026.2\"\nname: Spravato\u00ae clinic list\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        TemplateException e = catchThrowableOfType(TemplateException.class, () -> YamlTemplates.read(file, Map.class));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.problem()).isEqualTo("the file is not UTF-8 text: an accented or special character was saved "
                + "in another encoding (e.g. Latin-1); save the file as UTF-8 (line 2)");
    }
}
