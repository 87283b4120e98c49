package dev.authpack.security;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, String> {

    List<UserAccount> findAllByOrderByUsername();

    boolean existsByRole(Role role);

    /** Counts a failed sign-in in the database itself, so concurrent guesses cannot lose a count. */
    @Modifying
    @Query("update UserAccount u set u.failedLogins = u.failedLogins + 1 "
            + "where u.username = :username and (u.lockedUntil is null or u.lockedUntil <= :now)")
    int countFailedLogin(String username, Instant now);

    @Modifying
    @Query("update UserAccount u set u.lockedUntil = :until, u.failedLogins = 0 "
            + "where u.username = :username and u.failedLogins >= :maxAttempts")
    int lockWhenOver(String username, int maxAttempts, Instant until);

    @Modifying
    @Query("update UserAccount u set u.failedLogins = 0, u.lockedUntil = null "
            + "where u.username = :username and (u.failedLogins > 0 or u.lockedUntil is not null)")
    int clearFailedLogins(String username);
}
