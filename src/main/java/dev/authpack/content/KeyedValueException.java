package dev.authpack.content;

/**
 * A record's own check that is about a key below its section which its message need not spell out:
 * a policy's {@code augmentation} refused because of the sections an indication combines it with
 * names {@code indications.MDSI.criteria.augmentation}. {@link YamlTemplates} reports it at that
 * key and its line, the message as written.
 */
public class KeyedValueException extends IllegalArgumentException {

    private final String key;

    /** {@code key} is the path below the section being bound ({@code criteria.augmentation}). */
    public KeyedValueException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
