package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A row form of the users page that is refused comes back with what the administrator sent in its inputs,
 * beside the problem about it, as the create form and the case form do: not the stored values, which would
 * make the problem read as if it were about them and lose what was typed (found by the random walker of
 * session 22: a refused rename showed the old name in the box under "contains a control or invalid character").
 */
@SharedServiceTest
class RefusedUserRowKeepsWhatWasSentTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration admin;

    @Test
    void aRefusedNameStaysInTheRowsNameInput() {
        String user = TestUsers.billing(admin, "row.name");
        admin.rename(user, "Kept Name");
        FormClient page = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        page.get("/admin/users");

        String refused = page.post("/admin/users/" + user + "/name", "displayName", "Eve\u202Elin Ross").body();

        assertThat(refused).contains("contains a control or invalid character");
        String input = tag(refused, "<input[^>]*id=\"name-" + Pattern.quote(user) + "\"[^>]*>");
        assertThat(input).contains("value=\"Eve\u202Elin Ross\"").contains("aria-invalid=\"true\"")
                .doesNotContain("Kept Name");
        // the other rows keep their stored names
        assertThat(tag(refused, "<input[^>]*id=\"name-north.billing\"[^>]*>")).doesNotContain("Eve");
    }

    @Test
    void aRefusedRoleAndClinicStayChosenInTheRow() {
        String user = TestUsers.billing(admin, "row.access");
        FormClient page = new FormClient(port).signIn("admin", ApiClient.PASSWORD);
        page.get("/admin/users");

        // a clinic user needs a clinic: refused
        String refused = page.post("/admin/users/" + user + "/access", "role", "CLINIC", "clinicId", "").body();

        String role = tag(refused, "<select[^>]*id=\"role-" + Pattern.quote(user) + "\".*?</select>");
        String clinic = tag(refused, "<select[^>]*id=\"clinic-" + Pattern.quote(user) + "\".*?</select>");
        assertThat(clinic).contains("aria-invalid=\"true\"");
        assertThat(selected(role)).isEqualTo("CLINIC");
        assertThat(selected(clinic)).isIn(null, "");
        assertThat(admin.users().stream().filter(u -> u.username().equals(user)).findFirst().orElseThrow().role())
                .isEqualTo(Role.BILLING);
    }

    private static String tag(String html, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as(regex).isTrue();
        return m.group();
    }

    private static String selected(String select) {
        Matcher m = Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected").matcher(select);
        return m.find() ? m.group(1) : null;
    }
}
