package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.OnSharedPostgres;
import dev.authpack.support.SharedServiceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The administrators' user list (page and {@code GET /api/v1/users}) is in the same order on PostgreSQL as on
 * H2, whatever the database's collation. It was the database's {@code ORDER BY username}: H2 orders by
 * character, a PostgreSQL database created in a language's locale (en_US, or ICU's en-US as here) weighs
 * punctuation its own way and listed "j_smith" first, before "j-smith" and "j.smith". Found by the session
 * 23 H2/PostgreSQL differential test.
 */
@OnSharedPostgres
@SharedServiceTest
class UserListOrderPostgresTest {

    private static final List<String> NAMES = List.of("ord_smith", "ord-smith", "ord.smith", "ord0smith", "orda");

    @Autowired
    UserAdministration admin;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void usersAreListedInCharacterOrderUnderALanguagesCollation() {
        // the user names as a clinic's database created with LOCALE_PROVIDER icu / en_US sorts them
        jdbc.execute("ALTER TABLE users ALTER COLUMN username TYPE VARCHAR(100) COLLATE \"en-US-x-icu\"");
        try {
            for (String name : NAMES) {
                jdbc.update("INSERT INTO users (username, password_hash, role, clinic_id, enabled) "
                        + "VALUES (?, 'x', 'ADMIN', NULL, FALSE)", name);
            }
            List<String> listed = admin.users().stream().map(UserView::username)
                    .filter(NAMES::contains).toList();
            assertThat(listed).containsExactly("ord-smith", "ord.smith", "ord0smith", "ord_smith", "orda");
        } finally {
            jdbc.update("DELETE FROM users WHERE username IN ('ord_smith', 'ord-smith', 'ord.smith', 'ord0smith', 'orda')");
            jdbc.execute("ALTER TABLE users ALTER COLUMN username TYPE VARCHAR(100) COLLATE \"default\"");
        }
    }
}
