package dev.authpack.security;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface UserAccountRepository extends JpaRepository<UserAccount, String> {

    boolean existsByRole(Role role);

    /** The accounts whose password the start-up guard has yet to compare with the demo password. */
    List<UserAccount> findByPasswordScreenedFalseOrderByUsername();

    /** Only while the password is still the one compared: a reset in between is screened on its own. */
    @Modifying
    @Transactional
    @Query("update UserAccount u set u.passwordScreened = true where u.username = :username and u.passwordHash = :hash")
    int markScreened(String username, String hash);

    long countByRoleAndEnabledTrue(Role role);

    long countByClinicId(String clinicId);

    /** Rows of clinic id and number of accounts, for the clinics that have any. */
    @Query("select u.clinicId, count(u) from UserAccount u where u.clinicId is not null group by u.clinicId")
    List<Object[]> countPerClinic();

    /** Counts a failed sign-in in the database itself, so concurrent guesses cannot lose a count. */
    @Modifying
    @Query("update UserAccount u set u.failedLogins = u.failedLogins + 1 "
            + "where u.username = :username and (u.lockedUntil is null or u.lockedUntil <= :now)")
    int countFailedLogin(String username, Instant now);

    @Modifying
    @Query("update UserAccount u set u.lockedUntil = :until, u.failedLogins = 0 "
            + "where u.username = :username and u.failedLogins >= :maxAttempts")
    int lockWhenOver(String username, int maxAttempts, Instant until);

    /**
     * A success forgets earlier failures, but only while the account is still open: when a lock
     * landed while this attempt's password was being checked, nothing changes and the caller refuses.
     */
    @Modifying
    @Query("update UserAccount u set u.failedLogins = 0, u.lockedUntil = null "
            + "where u.username = :username and u.enabled = true and (u.lockedUntil is null or u.lockedUntil <= :now)")
    int clearFailedLoginsWhileOpen(String username, Instant now);

    /** Whether the account can sign in at this moment: enabled and not locked. */
    @Query("select count(u) > 0 from UserAccount u "
            + "where u.username = :username and u.enabled = true and (u.lockedUntil is null or u.lockedUntil <= :now)")
    boolean isOpen(String username, Instant now);

    /** What a web session checks on every request: the account's epoch, or nothing when it is disabled or gone. */
    @Query("select u.sessionEpoch from UserAccount u where u.username = :username and u.enabled = true")
    java.util.Optional<Long> sessionEpochIfEnabled(String username);
}
