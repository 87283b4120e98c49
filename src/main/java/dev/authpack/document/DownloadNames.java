package dev.authpack.document;

import dev.authpack.casefile.Patient;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;

/**
 * The file name a download is saved under, from the clinic's pattern
 * ({@code authpack.documents.file-name}): {@code {lastName}}, {@code {firstName}}, {@code {kind}},
 * {@code {date}} (the day it was made, in the service's zone: the date its own pages print, not its UTC
 * timestamp's, which is tomorrow every evening in the Americas) and {@code {id}}. The default names the patient, so a
 * person can file it; a clinic that wants no patient name in file names drops those placeholders.
 * Letters (with their marks) and digits are kept, everything else becomes one hyphen, so no name can escape a
 * folder.
 */
@Component
class DownloadNames {

    static final String DEFAULT = "{lastName}-{firstName}-{kind}-{date}";
    private static final int MAX_LENGTH = 120;

    private final String pattern;
    private final Clock clock;

    DownloadNames(@Value("${authpack.documents.file-name:" + DEFAULT + "}") String pattern, Clock clock) {
        this.pattern = pattern == null || pattern.isBlank() ? DEFAULT : pattern;
        this.clock = clock;
    }

    String nameFor(DocumentView document, Patient patient) {
        String name = pattern
                .replace("{lastName}", part(patient == null ? null : patient.lastName()))
                .replace("{firstName}", part(patient == null ? null : patient.firstName()))
                .replace("{kind}", kind(document))
                .replace("{date}", LocalDate.ofInstant(document.createdAt(), clock.getZone()).toString())
                .replace("{id}", document.id().toString());
        // a letter keeps its marks: Devanagari's vowel signs and virama, Hebrew points and Arabic vowels are
        // how the name is spelt ("शर्मा" lost them all and was saved as "शर-म")
        String clean = name.replaceAll("[^\\p{L}\\p{M}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (clean.length() > MAX_LENGTH) {
            // never between the halves of a character outside the basic plane, which would leave half of it
            int end = Character.isLowSurrogate(clean.charAt(MAX_LENGTH)) ? MAX_LENGTH - 1 : MAX_LENGTH;
            clean = clean.substring(0, end).replaceAll("-+$", "");
        }
        return (clean.isEmpty() ? kind(document) : clean) + ".pdf";
    }

    /** The Content-Disposition of a download: a plain file name, or RFC 6266's UTF-8 form when it needs one. */
    String contentDisposition(DocumentView document, Patient patient) {
        String name = nameFor(document, patient);
        ContentDisposition.Builder attachment = ContentDisposition.attachment();
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(name);
        return (ascii ? attachment.filename(name) : attachment.filename(name, StandardCharsets.UTF_8)).build().toString();
    }

    private static String kind(DocumentView d) {
        String kind = d.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return d.language() == null || "en".equals(d.language()) ? kind : kind + "-" + d.language();
    }

    private static String part(String text) {
        return text == null ? "" : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }
}
