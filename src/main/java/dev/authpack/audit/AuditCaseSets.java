package dev.authpack.audit;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sets of cases list reads showed (V131). A list read names the stored set holding exactly the cases it
 * showed; a set is stored the first time a list shows it, so a list read again unchanged (a script polling
 * {@code GET /api/v1/cases}, the start page opened all day) adds one audit row and nothing else. A set is made
 * of chunks, its cases by the first hexadecimal digit of their ids, each stored once: a list changed by one case
 * stores one new chunk (a 16th of its cases) and the set's chunks, not every case again.
 */
@Component
class AuditCaseSets {

    // one constant statement per table rather than one with the table's name put in: no SQL is built here
    private static final String SET_BY_HASH = "SELECT MIN(id) FROM audit_case_sets WHERE sha256 = ? AND size = ?";
    private static final String CHUNK_BY_HASH = "SELECT MIN(id) FROM audit_case_chunks WHERE sha256 = ? AND size = ?";

    private final EntityManager em;
    private final JdbcTemplate jdbc;

    AuditCaseSets(EntityManager em, JdbcTemplate jdbc) {
        this.em = em;
        this.jdbc = jdbc;
    }

    /**
     * The id of a stored set of exactly {@code caseIds} (distinct, lower-case), stored now, in the caller's
     * transaction (the audit row's), when there is none: the set and the first row naming it commit together.
     * Two requests that store the same new set or chunk at once both keep theirs; either finds the case. Null
     * for no cases.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Long idOf(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return null;
        }
        List<String> sorted = caseIds.stream().sorted().toList();
        String hash = sha256(sorted);
        Long stored = jdbc.queryForObject(SET_BY_HASH, Long.class, hash, sorted.size());
        if (stored != null) {
            return stored;
        }
        Map<Character, List<String>> byDigit = sorted.stream()
                .collect(Collectors.groupingBy(id -> id.charAt(0), TreeMap::new, Collectors.toList()));
        List<Long> chunks = new ArrayList<>();
        byDigit.values().forEach(chunk -> chunks.add(chunkOf(chunk)));
        AuditCaseSet set = new AuditCaseSet(hash, sorted.size());
        em.persist(set); // an identity column: inserted now, so the foreign keys below find it
        long id = set.id();
        jdbc.batchUpdate("INSERT INTO audit_case_set_chunks (chunk_id, set_id) VALUES (?, ?)", chunks, chunks.size(),
                (PreparedStatement ps, Long chunk) -> {
                    ps.setLong(1, chunk);
                    ps.setLong(2, id);
                });
        return id;
    }

    private long chunkOf(List<String> sortedIds) {
        String hash = sha256(sortedIds);
        Long stored = jdbc.queryForObject(CHUNK_BY_HASH, Long.class, hash, sortedIds.size());
        if (stored != null) {
            return stored;
        }
        AuditCaseChunk chunk = new AuditCaseChunk(hash, sortedIds.size());
        em.persist(chunk);
        long id = chunk.id();
        jdbc.batchUpdate("INSERT INTO audit_case_chunk_members (case_id, chunk_id) VALUES (?, ?)", sortedIds,
                sortedIds.size(), (PreparedStatement ps, String caseId) -> {
                    ps.setString(1, caseId);
                    ps.setLong(2, id);
                });
        return id;
    }

    private static String sha256(List<String> sortedIds) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String id : sortedIds) {
                digest.update(id.getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
