package dev.authpack.core;

/**
 * The service refuses work that would not fit on its disk, before starting it (an online backup larger
 * than the free space). Answered 507 "Storage full" with this detail, like a write the disk refused.
 */
public class StorageFullException extends RuntimeException {

    public StorageFullException(String detail) {
        super(detail);
    }
}
