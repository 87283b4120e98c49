package dev.authpack.audit;

import org.springframework.data.repository.Repository;

/** Deliberately not a CrudRepository: the trail can be appended to and read, never changed. */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);
}
