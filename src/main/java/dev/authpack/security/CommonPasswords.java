package dev.authpack.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The shipped list of common and breached passwords (resources/security/common-passwords.txt; its
 * README says where it comes from and under which licence), read once on first use.
 */
final class CommonPasswords {

    static final String RESOURCE = "/security/common-passwords.txt";

    private CommonPasswords() {
    }

    /** Whether the password, lower case and without white space, is on the list. */
    static boolean contains(String normalised) {
        return Holder.LIST.contains(normalised);
    }

    static int size() {
        return Holder.LIST.size();
    }

    private static final class Holder {
        static final Set<String> LIST = load();
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            Set<String> list = new HashSet<>(65_536);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                r.lines().filter(l -> !l.isBlank()).forEach(list::add);
            }
            return Set.copyOf(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
