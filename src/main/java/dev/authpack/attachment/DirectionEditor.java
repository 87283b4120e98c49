package dev.authpack.attachment;

import java.beans.PropertyEditorSupport;
import java.util.Locale;

/**
 * The attachment arrows' {@code direction}: the page sends {@code up} and {@code down}, read in either case as
 * they always were; any other value does not bind (an IllegalArgumentException, which the binding reports as the
 * field's type mismatch), so it is refused naming the field instead of moving the attachment down.
 */
final class DirectionEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
        setValue(AttachmentChanges.Direction.valueOf(text.strip().toUpperCase(Locale.ROOT)));
    }
}
