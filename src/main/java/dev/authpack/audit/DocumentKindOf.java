package dev.authpack.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A generated document's kind, mapped only so that {@link AuditSearch} can join it to the events naming the
 * document: the log's lines say "packet 3f5202b2", not "document 3f5202b2", without a query more a page. Read-only
 * here (the document package writes the table); mapped in this package because the document package records
 * its reads through this one, and would otherwise be imported back.
 */
@Entity
@Immutable
@Table(name = "documents")
class DocumentKindOf {

    @Id
    @Column(insertable = false, updatable = false)
    private String id;
    @Column(insertable = false, updatable = false)
    private String kind;

    protected DocumentKindOf() {
    }
}
