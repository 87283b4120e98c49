package dev.authpack.content;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Says a YAML syntax error the way an administrator editing a file by hand can act on: what is
 * wrong and what to do, at the line where the reader found it. The reader's own wording ("while
 * parsing a block mapping: expected &lt;block end&gt;") names its grammar, not the mistake, and its
 * hint for a character that cannot start a value ("Do not use @ for indentation") is wrong.
 */
final class YamlSyntax {

    /** A pattern of the reader's reason, and what it means for the person editing the file ($1: the character). */
    private record Hint(Pattern readerSays, String meaning) {

        Hint(String readerSays, String meaning) {
            this(Pattern.compile(readerSays, Pattern.LITERAL), meaning);
        }

        Optional<String> explain(String reader) {
            Matcher m = readerSays.matcher(reader);
            return m.find() ? Optional.of(m.groupCount() == 0 ? meaning : meaning.replace("$1", m.group(1)))
                    : Optional.empty();
        }
    }

    private static final List<Hint> HINTS = List.of(
            new Hint("mapping values are not allowed here",
                    "a ':' the reader cannot place: check this line's indentation, or put text containing ': ' in quotes"),
            new Hint("found character '\\t(TAB)'", "a tab character: indent with spaces only"),
            new Hint(Pattern.compile("found character '(.)' that cannot start any token"),
                    "text cannot start with $1: put it in quotes"),
            new Hint("expected <block end>, but found '<block mapping start>'",
                    "this line is indented differently from the keys before it: the keys of one section start in the same column"),
            new Hint("expected <block end>, but found '<scalar>'",
                    "more text after a quoted value: put the whole text in the quotes"),
            new Hint("while parsing a block collection: expected <block end>, but found '?'",
                    "list items ('- …') and keys ('key: …') are mixed at one indentation: a section holds one or the other"),
            new Hint("while scanning a quoted scalar", "a quote is opened and not closed"),
            new Hint("while parsing a flow sequence", "a list in [ ] is not closed with ]"),
            new Hint("while parsing a flow mapping", "a section in { } is not closed with }"));

    private YamlSyntax() {
    }

    /** What to tell the person; the reader's own first lines when the mistake is not one of the common ones. */
    static String problem(StreamReadException e) {
        String reader = readerSays(e);
        return HINTS.stream().flatMap(h -> h.explain(reader).stream()).findFirst().orElse(reader);
    }

    /**
     * The line (1-based) where the reader found the mistake, 0 when unknown. The reader's problem mark
     * is that line; the position Jackson reports can be the start of the construct instead (a tab at
     * the start of line 2 is reported on line 1).
     */
    static int line(StreamReadException e) {
        if (e.getCause() instanceof MarkedYamlEngineException marked) {
            Optional<Mark> problem = marked.getProblemMark();
            if (problem.isPresent()) {
                return problem.get().getLine() + 1;
            }
        }
        return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
    }

    /** The reader's reason without its excerpt of the file ("in reader, line 2:" and the lines below it). */
    private static String readerSays(StreamReadException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        List<String> said = original.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("in reader"))
                .map(String::strip).toList();
        return said.isEmpty() ? "the file cannot be read" : String.join(": ", said);
    }
}
