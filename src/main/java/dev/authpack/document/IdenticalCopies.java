package dev.authpack.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one rule by which two documents are identical copies, for every page that lists documents (the case page,
 * Recent documents): documents of one case, of one kind and language, made from one version of the case under one
 * policy version by one version of the document's template (an administrator's edited template makes another document
 * of the same case, which a clerk generated to get) and from the same versions of the other content of
 * {@code templates/} it read (an estimate priced by a raised fee schedule says other amounts; a packet judged by an
 * edited drug catalog may say other things of a trial): {@link NewDocument#contentVersions}, absent on documents made
 * before V135, which fold among themselves as before. Their bytes differ (a PDF carries the moment it was made, so
 * its SHA-256 differs too), but they say the same; a list shows the newest and folds the older ones under it. Documents whose case version was not
 * recorded are never folded, as nothing says they are the same. The rule is written twice, once per reader, side by
 * side here: in Java for a list in hand ({@link #of}) and in JPQL for a list the database pages
 * ({@link #NEWEST_OF_ITS_COPIES}); {@code DocumentStoreContract} holds the two to one answer on H2 and PostgreSQL.
 */
public final class IdenticalCopies {

    /** A document and its older identical copies, newest first. */
    public record Copies(DocumentView newest, List<DocumentView> earlier) {
    }

    /**
     * JPQL on a {@link StoredDocument} {@code d}: it is the newest of its copies (no copy of it was made later, by
     * {@code createdAt}, then by the insertion order {@code seq}, as the lists order them). Recent documents pages over
     * these only, so that a page of 50 rows is 50 distinct documents. A document without a case version needs no
     * clause of its own: {@code n.caseVersion = d.caseVersion} is never true for it, so nothing is its later copy. Such
     * a clause ("d.caseVersion is null or not exists") kept PostgreSQL from planning an anti-join: it ran the subquery
     * once per document, and the count and the ids of a busy clinic's 50,000 took 0.7-1 s instead of 50-130 ms
     * ({@code PostgresRecentDocumentsPlansTest}).
     */
    static final String NEWEST_OF_ITS_COPIES = " and " + """
            (not exists (select n.id from StoredDocument n
                  where n.caseId = d.caseId and n.kind = d.kind and n.caseVersion = d.caseVersion
                  and coalesce(n.language, '') = coalesce(d.language, '')
                  and coalesce(n.policyVersion, '') = coalesce(d.policyVersion, '')
                  and coalesce(n.templateVersion, '') = coalesce(d.templateVersion, '')
                  and coalesce(n.contentVersions, '') = coalesce(d.contentVersions, '')
                  and (n.createdAt > d.createdAt or (n.createdAt = d.createdAt and n.seq > d.seq))))""";

    private IdenticalCopies() {
    }

    /** {@code newestFirst} (as the stores list documents) folded: each document with its older copies, newest first. */
    public static List<Copies> of(List<DocumentView> newestFirst) {
        Map<List<Object>, List<DocumentView>> groups = new LinkedHashMap<>();
        for (DocumentView d : newestFirst) {
            groups.computeIfAbsent(sameness(d), k -> new ArrayList<>()).add(d);
        }
        return groups.values().stream().map(g -> new Copies(g.get(0), List.copyOf(g.subList(1, g.size())))).toList();
    }

    private static List<Object> sameness(DocumentView d) {
        Object version = d.caseVersion() == null ? d.id() : d.caseVersion();
        return Arrays.asList(d.caseId(), d.kind(), Objects.toString(d.language(), ""), version,
                Objects.toString(d.policyVersion(), ""), Objects.toString(d.templateVersion(), ""),
                Objects.toString(d.contentVersions(), ""));
    }
}
