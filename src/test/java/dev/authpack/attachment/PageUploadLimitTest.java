package dev.authpack.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.MultipartConfigElement;
import org.junit.jupiter.api.Test;

/** The limit the case page checks a chosen file against is the smallest one the server applies. */
class PageUploadLimitTest {

    private static final long MB = 1024 * 1024;

    @Test
    void theServletsFileLimitWinsWhenItIsSmaller() {
        assertThat(AttachmentLimits.pageLimit(25 * MB, new MultipartConfigElement("", MB, 26 * MB, 0))).isEqualTo(MB);
    }

    @Test
    void theRequestLimitLeavesRoomForTheRestOfTheForm() {
        assertThat(AttachmentLimits.pageLimit(25 * MB, new MultipartConfigElement("", -1, 2 * MB, 0)))
                .isEqualTo(2 * MB - AttachmentLimits.FORM_ROOM);
    }

    @Test
    void theLimitIsStatedInTheSettingsUnitsRoundedDownSoAFileOfThatSizeGoes() {
        assertThat(AttachmentLimits.readable(25 * MB)).isEqualTo("25 MB");
        assertThat(AttachmentLimits.readable(3 * MB / 2)).isEqualTo("1.5 MB");
        assertThat(AttachmentLimits.readable(MB - AttachmentLimits.FORM_ROOM)).isEqualTo("960 KB");
        assertThat(AttachmentLimits.readable(20_000)).isEqualTo("19 KB");
        assertThat(AttachmentLimits.readable(MB - 1)).isEqualTo("1023 KB");
    }

    @Test
    void ourOwnLimitWinsWhenTheServletsAreLargerOrAbsent() {
        assertThat(AttachmentLimits.pageLimit(60_000, new MultipartConfigElement("", 25 * MB, 26 * MB, 0))).isEqualTo(60_000);
        assertThat(AttachmentLimits.pageLimit(60_000, new MultipartConfigElement("", -1, -1, 0))).isEqualTo(60_000);
        assertThat(AttachmentLimits.pageLimit(60_000, null)).isEqualTo(60_000);
    }
}
