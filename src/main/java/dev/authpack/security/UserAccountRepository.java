package dev.authpack.security;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, String> {

    List<UserAccount> findAllByOrderByUsername();

    boolean existsByRole(Role role);

    @Modifying
    @Query("update UserAccount u set u.failedLogins = 0, u.lockedUntil = null "
            + "where u.username = :username and (u.failedLogins > 0 or u.lockedUntil is not null)")
    int clearFailedLogins(String username);
}
