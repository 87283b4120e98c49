package dev.authpack.rendering;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/**
 * The document bundles as the templates see them: every text argument of a sentence arrives isolated
 * ({@link Isolates}), so a name, a note or an attachment title entered in Hebrew or Arabic cannot pull the
 * sentence's digits and punctuation into its own direction. Numbers stay as they are (they take no
 * direction of their own), and so do the sentences Java asks for ({@link DocumentTemplates#message}): the
 * stamped header draws every character it is given, and its values stand between labels.
 */
final class IsolatingMessages implements MessageSource {

    private final MessageSource sentences;

    IsolatingMessages(MessageSource sentences) {
        this.sentences = sentences;
    }

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        return sentences.getMessage(code, isolated(args), defaultMessage, locale);
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) throws NoSuchMessageException {
        return sentences.getMessage(code, isolated(args), locale);
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) throws NoSuchMessageException {
        return sentences.getMessage(resolvable, locale);
    }

    private static Object[] isolated(Object[] args) {
        if (args == null || args.length == 0) {
            return args; // a sentence without placeholders: as the bundle has it
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof CharSequence text && !text.isEmpty()) {
                out[i] = Isolates.around(text.toString());
            }
        }
        return out;
    }
}
