package dev.authpack.core;

/**
 * Nothing the caller may see has this id. Also thrown for another clinic's data, so that its
 * existence is not revealed (the contract answers 404, not 403).
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
