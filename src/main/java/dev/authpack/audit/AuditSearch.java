package dev.authpack.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail for administrators. A criteria query rather than a repository with
 * specifications: Spring Data's specification executor brings a delete method, and the trail must
 * have no delete path anywhere.
 */
@Service
class AuditSearch {

    private final EntityManager em;

    AuditSearch(EntityManager em) {
        this.em = em;
    }

    @Transactional(readOnly = true)
    AuditPage find(AuditQuery q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<AuditEvent> countRoot = count.from(AuditEvent.class);
        count.select(cb.count(countRoot)).where(filters(cb, countRoot, q));
        long total = em.createQuery(count).getSingleResult();

        CriteriaQuery<AuditEvent> select = cb.createQuery(AuditEvent.class);
        Root<AuditEvent> root = select.from(AuditEvent.class);
        select.select(root).where(filters(cb, root, q))
                .orderBy(cb.desc(root.get("occurredAt")), cb.desc(root.get("id")));
        List<AuditEntry> items = em.createQuery(select)
                .setFirstResult(Math.toIntExact(Math.min((long) q.page() * q.size(), Integer.MAX_VALUE)))
                .setMaxResults(q.size())
                .getResultList().stream().map(AuditEntry::of).toList();
        int pages = (int) ((total + q.size() - 1) / q.size());
        return new AuditPage(items, q.page(), q.size(), total, pages);
    }

    /** Every matching event, newest first, up to {@code max} (the CSV export). */
    @Transactional(readOnly = true)
    List<AuditEntry> all(AuditQuery q, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEvent> select = cb.createQuery(AuditEvent.class);
        Root<AuditEvent> root = select.from(AuditEvent.class);
        select.select(root).where(filters(cb, root, q))
                .orderBy(cb.desc(root.get("occurredAt")), cb.desc(root.get("id")));
        return em.createQuery(select).setMaxResults(max).getResultList().stream().map(AuditEntry::of).toList();
    }

    private static Predicate[] filters(CriteriaBuilder cb, Root<AuditEvent> e, AuditQuery q) {
        List<Predicate> where = new ArrayList<>();
        if (q.user() != null) {
            where.add(cb.equal(e.get("username"), q.user()));
        }
        if (q.caseId() != null) {
            where.add(AuditQueryParams.isReference(q.caseId()) ? cb.like(e.get("caseId"), q.caseId() + "%")
                    : cb.equal(e.get("caseId"), q.caseId()));
        }
        if (q.action() != null) {
            where.add(cb.equal(e.get("action"), q.action()));
        }
        if (q.from() != null) {
            Instant start = q.from().atStartOfDay(ZoneOffset.UTC).toInstant();
            where.add(cb.greaterThanOrEqualTo(e.get("occurredAt"), start));
        }
        if (q.to() != null) {
            Instant end = q.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            where.add(cb.lessThan(e.get("occurredAt"), end));
        }
        return where.toArray(Predicate[]::new);
    }
}
