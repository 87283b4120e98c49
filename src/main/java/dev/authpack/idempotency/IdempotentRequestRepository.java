package dev.authpack.idempotency;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface IdempotentRequestRepository extends JpaRepository<IdempotentRequest, String> {

    @Modifying
    @Transactional
    @Query("delete from IdempotentRequest r where r.startedAt < :before")
    int deleteStartedBefore(Instant before);
}
