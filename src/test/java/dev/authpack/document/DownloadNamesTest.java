package dev.authpack.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.casefile.Patient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The name a download is saved under, from the clinic's pattern: the patient's name, the kind, its
 * language and the day it was made in the service's zone; anything but letters and digits becomes one
 * hyphen; too long a name is cut without a hyphen at its end; no name at all falls back to the kind.
 */
class DownloadNamesTest {

    private static final UUID ID = UUID.fromString("0b6f1f5e-6a34-4c39-9c1e-3f0d4f3b2a10");
    /** 02:30 UTC on 2 March: still 1 March in Chicago, where the pages print the evening's date. */
    private static final Instant MADE = Instant.parse("2026-03-02T02:30:00Z");
    private static final Clock CHICAGO = Clock.fixed(MADE, ZoneId.of("America/Chicago"));

    @ParameterizedTest(name = "''{0}'' for {1} {2}, {3} in {4}: {5}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            null                       | Dana   | Reyes       | PACKET           | en   | Reyes-Dana-packet-2026-03-01.pdf
            ''                         | Dana   | Reyes       | PACKET           | null | Reyes-Dana-packet-2026-03-01.pdf
            '   '                      | Dana   | Reyes       | ESTIMATE         | es   | Reyes-Dana-estimate-es-2026-03-01.pdf
            {lastName}-{firstName}-{kind}-{date} | ' Zoë '| O'Brien  | EXCEPTION_PACKET | en | O-Brien-Zoë-exception-packet-2026-03-01.pdf
            {kind}-{id}                | Dana   | Reyes       | APPEAL_PACKET    | en   | appeal-packet-0b6f1f5e-6a34-4c39-9c1e-3f0d4f3b2a10.pdf
            ../{lastName}/..           | Dana   | Reyes       | PACKET           | en   | Reyes.pdf
            {lastName} {firstName}     | null   | null        | ESTIMATE         | es   | estimate-es.pdf
            '-- {firstName} --'        | Dana   | null        | PACKET           | en   | Dana.pdf
            """)
    void theNameFollowsThePatternWithOnlyLettersDigitsAndSingleHyphens(String pattern, String first, String last,
                                                                       DocumentKind kind, String language,
                                                                       String expected) {
        DownloadNames names = new DownloadNames(pattern, CHICAGO);
        Patient patient = new Patient(first, last, null, null, null, null);

        assertThat(names.nameFor(document(kind, language), patient)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a patient of unknown name: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            {lastName}-{firstName}-{kind}-{date} | packet-2026-03-01.pdf
            {lastName}{firstName}                | packet.pdf
            """)
    void noPatientLeavesTheNamePartsOut(String pattern, String expected) {
        assertThat(new DownloadNames(pattern, CHICAGO).nameFor(document(DocumentKind.PACKET, "en"), null))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "last name of {0} letters: {1} characters before .pdf")
    @CsvSource({"119, 119", "120, 120", "121, 120", "118, 118"})
    void aLongNameIsCutAtOneHundredTwentyCharacters(int letters, int kept) {
        DownloadNames names = new DownloadNames("{lastName}", CHICAGO);
        Patient patient = new Patient(null, "r".repeat(letters), null, null, null, null);

        assertThat(names.nameFor(document(DocumentKind.PACKET, "en"), patient)).isEqualTo("r".repeat(kept) + ".pdf");
    }

    @org.junit.jupiter.api.Test
    void aNameCutAtAHyphenDoesNotEndInOne() {
        int letters = 119;
        DownloadNames names = new DownloadNames("{lastName}", CHICAGO);
        Patient patient = new Patient(null, "r".repeat(letters) + "-".repeat(120 - letters) + "xyz", null, null, null, null);

        assertThat(names.nameFor(document(DocumentKind.PACKET, "en"), patient)).isEqualTo("r".repeat(letters) + ".pdf");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Reyes | attachment; filename="Reyes-packet.pdf"
            Zoë   | attachment; filename="Zoe-packet.pdf"; filename*=UTF-8''Zo%C3%AB-packet.pdf
            """)
    void aNameOutsideAsciiIsSentInTheUtf8Form(String last, String header) {
        DownloadNames names = new DownloadNames("{lastName}-{kind}", CHICAGO);
        Patient patient = new Patient(null, last, null, null, null, null);

        assertThat(names.contentDisposition(document(DocumentKind.PACKET, "en"), patient)).isEqualTo(header);
    }

    /** The vowel signs and virama of Devanagari and the points of Hebrew are part of the name (audit s26). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Devanagari       | \u0936\u0930\u094D\u092E\u093E             | \u0936\u0930\u094D\u092E\u093E-packet.pdf
            pointed Hebrew   | \u05E9\u05C1\u05B8\u05DC\u05D5\u05B9\u05DD | \u05E9\u05C1\u05B8\u05DC\u05D5\u05B9\u05DD-packet.pdf
            Arabic with harakat | \u0645\u064F\u062D\u064E\u0645\u0651\u064E\u062F | \u0645\u064F\u062D\u064E\u0645\u0651\u064E\u062F-packet.pdf
            """)
    void aLetterKeepsItsMarksInTheFileName(String script, String last, String expected) {
        DownloadNames names = new DownloadNames("{lastName}-{kind}", CHICAGO);
        Patient patient = new Patient(null, last, null, null, null, null);

        // in canonical order (NFC sorts a letter's marks), as the name is stored
        assertThat(names.nameFor(document(DocumentKind.PACKET, "en"), patient)).as(script)
                .isEqualTo(java.text.Normalizer.normalize(expected, java.text.Normalizer.Form.NFC));
    }

    @org.junit.jupiter.api.Test
    void aNameCutAtItsLimitDoesNotSplitACharacterOutsideTheBasicPlane() {
        DownloadNames names = new DownloadNames("{lastName}", CHICAGO);
        // U+20000, a CJK ideograph written as two UTF-16 units, straddling the 120th unit
        Patient patient = new Patient(null, "r".repeat(119) + "\uD840\uDC00" + "r", null, null, null, null);

        assertThat(names.nameFor(document(DocumentKind.PACKET, "en"), patient)).isEqualTo("r".repeat(119) + ".pdf");
    }

    private static DocumentView document(DocumentKind kind, String language) {
        return new DocumentView(ID, UUID.randomUUID(), kind, 3, "00", MADE, "p", "1", "t", 1L, language);
    }
}
