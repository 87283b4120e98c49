package dev.authpack.core;

import java.util.UUID;

/**
 * The first characters of an id by which people name a case, document or attachment to each other: the audit log
 * shows them (administrators see no patient data), its filter takes them, and the case page and Recent documents
 * print them so that an auditor and the clinic speak of the same case. One length everywhere, or a reference read off
 * one page would not be found on another.
 */
public final class ShortReference {

    public static final int LENGTH = 8;

    private ShortReference() {
    }

    /** The reference of {@code id}; an id shorter than a reference is its own. */
    public static String of(String id) {
        return id.length() <= LENGTH ? id : id.substring(0, LENGTH);
    }

    public static String of(UUID id) {
        return of(id.toString());
    }
}
