package dev.authpack.audit;

import dev.authpack.security.KnownAccounts;
import dev.authpack.security.UserDirectory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaDerivedJoin;
import org.hibernate.query.criteria.JpaRoot;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail for administrators. A criteria query rather than a repository with
 * specifications: Spring Data's specification executor brings a delete method, and the trail must
 * have no delete path anywhere.
 */
@Service
class AuditSearch {

    /** A person as the log's lines show them ({@link AuditLines#person}): "Maria Santos (north.billing)". */
    private static final Pattern SHOWN = Pattern.compile(".*\\(([^()]+)\\)");

    private final EntityManager em;
    private final KnownAccounts accounts;
    private final UserDirectory directory;

    AuditSearch(EntityManager em, KnownAccounts accounts, UserDirectory directory) {
        this.em = em;
        this.accounts = accounts;
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    AuditPage find(AuditQuery q) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        List<String> users = users(q.user());

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<AuditEvent> countRoot = count.from(AuditEvent.class);
        count.select(cb.count(countRoot)).where(filters(cb, count, countRoot, q, users));
        long total = em.createQuery(count).getSingleResult();

        CriteriaQuery<Tuple> select = cb.createTupleQuery();
        Root<AuditEvent> root = select.from(AuditEvent.class);
        // filtered first, so the case filter's join to its union stays next to the trail, the shape measured
        Predicate[] where = filters(cb, select, root, q, users);
        select.multiselect(root, kindOfDocument(cb, root)).where(where)
                .orderBy(cb.desc(root.get("occurredAt")), cb.desc(root.get("id")));
        List<AuditEntry> items = em.createQuery(select)
                .setFirstResult(Math.toIntExact(Math.min((long) q.page() * q.size(), Integer.MAX_VALUE)))
                .setMaxResults(q.size())
                .getResultList().stream().map(AuditSearch::entry).toList();
        int pages = (int) ((total + q.size() - 1) / q.size());
        return new AuditPage(items, q.page(), q.size(), total, pages);
    }

    /** Every matching event, newest first, up to {@code max} (the CSV export). */
    @Transactional(readOnly = true)
    List<AuditEntry> all(AuditQuery q, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        List<String> users = users(q.user());
        CriteriaQuery<Tuple> select = cb.createTupleQuery();
        Root<AuditEvent> root = select.from(AuditEvent.class);
        // filtered first, so the case filter's join to its union stays next to the trail, the shape measured
        Predicate[] where = filters(cb, select, root, q, users);
        select.multiselect(root, kindOfDocument(cb, root)).where(where)
                .orderBy(cb.desc(root.get("occurredAt")), cb.desc(root.get("id")));
        return em.createQuery(select).setMaxResults(max).getResultList().stream().map(AuditSearch::entry).toList();
    }

    /**
     * The kind of the generated document an event names ("PACKET"), or null: for an attachment, an event naming no
     * document, or an id that names none (a refused request). Joined by the documents' primary key, so a page of
     * events stays one query with its count; the events' rows keep no kind, so this holds for old ones too.
     */
    private static Expression<String> kindOfDocument(CriteriaBuilder cb, Root<AuditEvent> event) {
        Join<AuditEvent, DocumentKindOf> document = event.join(DocumentKindOf.class, JoinType.LEFT);
        document.on(cb.equal(document.get("id"), event.get("documentId")));
        return document.get("kind");
    }

    private static AuditEntry entry(Tuple row) {
        return AuditEntry.of(row.get(0, AuditEvent.class), row.get(1, String.class));
    }

    /**
     * The user names a user filter means. The log shows a person as "Maria Santos (north.billing)", and the filter
     * compared what was typed with the user name exactly: the line's own text, the name alone or the user name in
     * capitals found nothing. The user name in brackets, a user name in any case, or the name of a person (any
     * case; every account of that name) now each find them; anything else is searched as typed and finds nothing.
     */
    private List<String> users(String typed) {
        if (typed == null) {
            return null;
        }
        Matcher shown = SHOWN.matcher(typed);
        for (String candidate : shown.matches() ? List.of(shown.group(1).strip(), typed) : List.of(typed)) {
            String userName = candidate.toLowerCase(Locale.ROOT);
            if (accounts.exists(userName)) {
                return List.of(userName);
            }
        }
        // a name with brackets of its own ("Dana Cruz (locum)") is a name, not a user name in brackets
        List<String> named = directory.displayNames().entrySet().stream()
                .filter(person -> person.getValue().strip().equalsIgnoreCase(typed)).map(Map.Entry::getKey).sorted().toList();
        return named.isEmpty() ? List.of(typed) : named;
    }

    /**
     * The events that concern a case: those naming it, and the list reads that showed it ({@link AuditLog#recordList}:
     * those naming a set of cases with a chunk that holds it, {@link AuditCaseSets}). The ids of both, as one union
     * that the database answers from indexes (by case: audit_by_case, the chunk members' key, or for a reference on
     * PostgreSQL audit_case_chunk_members_by_prefix; by chunk: the set chunks' key; by set: audit_by_cases_shown),
     * joined to the events by primary key. A join, not {@code id IN (union)}: H2 evaluated the IN again for every
     * row it found (3.3 s for a case in 1,041 events, docs/performance.md), while both databases read a derived
     * table once; {@code case_id = ? OR cases_shown IN (...)} would have been fast on H2 but makes PostgreSQL read
     * the whole trail. A row naming the case is never a list read ({@link AuditAction#listingCases}) and a list
     * read never names one, so without list reads the rows naming it are the answer, and with list reads only the
     * lists that showed it: one side each, with no union to build. Null when the join is the whole filter.
     */
    private static Predicate concerning(CriteriaBuilder cb, AbstractQuery<?> query, Root<AuditEvent> e, String caseId,
                                        ListReads lists) {
        if (lists == ListReads.EXCLUDE) {
            return isIdOrReference(cb, e.get("caseId"), caseId);
        }
        if (lists == ListReads.ONLY) {
            return e.get("casesShown").in(setsShowing(cb, query, caseId));
        }
        Subquery<Long> named = query.subquery(Long.class);
        Root<AuditEvent> event = named.from(AuditEvent.class);
        named.select(idAsInDerivedTable(event)).where(isIdOrReference(cb, event.get("caseId"), caseId));
        Subquery<Long> sets = setsShowing(cb, query, caseId);
        Subquery<Long> shown = query.subquery(Long.class);
        Root<AuditEvent> list = shown.from(AuditEvent.class);
        shown.select(idAsInDerivedTable(list)).where(list.get("casesShown").in(sets));
        Subquery<Long> either = ((HibernateCriteriaBuilder) cb).union(named, shown);
        JpaDerivedJoin<Long> concerned = ((JpaRoot<AuditEvent>) e).join(either);
        concerned.on(cb.equal(concerned.get("id"), e.get("id")));
        return null;
    }

    /** The event's id as a column of a derived table, which must have a name (Hibernate's alias sets it in place). */
    @SuppressWarnings("unchecked")
    private static Expression<Long> idAsInDerivedTable(Root<AuditEvent> event) {
        return (Expression<Long>) event.<Long>get("id").alias("id");
    }

    /** The stored sets of cases with a chunk that holds the case ({@link AuditCaseSets}). */
    private static Subquery<Long> setsShowing(CriteriaBuilder cb, AbstractQuery<?> query, String caseId) {
        Subquery<Long> chunks = query.subquery(Long.class);
        Root<AuditCaseChunkMember> member = chunks.from(AuditCaseChunkMember.class);
        chunks.select(member.get("chunkId")).where(isIdOrReference(cb, member.get("caseId"), caseId));
        Subquery<Long> sets = query.subquery(Long.class);
        Root<AuditCaseSetChunk> part = sets.from(AuditCaseSetChunk.class);
        sets.select(part.get("setId")).where(part.get("chunkId").in(chunks));
        return sets;
    }

    /** A list read: a row of a list showing cases among others that names no case of its own (the one rule). */
    private static Predicate isListRead(CriteriaBuilder cb, Root<AuditEvent> e) {
        List<String> listing = AuditAction.listingCases().stream().map(Enum::name).sorted().toList();
        return cb.and(e.get("action").in(listing), cb.isNull(e.get("caseId")));
    }

    /**
     * A case or document id, or the reference the log shows (its first characters), searched as the ids it starts.
     * A LIKE prefix, which PostgreSQL reads from an index under any collation only because the indexes on these
     * columns are in varchar_pattern_ops there (V134; a plain one serves it under the "C" collation alone).
     */
    private static Predicate isIdOrReference(CriteriaBuilder cb, Expression<String> column, String id) {
        return AuditQueryParams.isReference(id) ? cb.like(column, id + "%") : cb.equal(column, id);
    }

    private static Predicate[] filters(CriteriaBuilder cb, AbstractQuery<?> query, Root<AuditEvent> e, AuditQuery q,
                                       List<String> users) {
        List<Predicate> where = new ArrayList<>();
        if (users != null) {
            where.add(e.get("username").in(users));
        }
        if (q.caseId() != null) {
            Predicate concerns = concerning(cb, query, e, q.caseId(), q.lists());
            if (concerns != null) {
                where.add(concerns);
            }
        }
        if (q.documentId() != null) {
            // the rows naming the document or attachment (generated, downloaded, previewed, opened, refused,
            // handed out again by a replay); the lists that showed it are the case's (the case filter finds them):
            // a list names cases, not documents
            where.add(isIdOrReference(cb, e.get("documentId"), q.documentId()));
        }
        if (q.action() != null) {
            where.add(cb.equal(e.get("action"), q.action()));
        }
        if (q.lists() != ListReads.INCLUDE) {
            where.add(q.lists() == ListReads.ONLY ? isListRead(cb, e) : cb.not(isListRead(cb, e)));
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
