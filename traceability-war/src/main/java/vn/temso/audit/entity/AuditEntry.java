package vn.temso.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One change, who made it and when. Append-only: the application never updates or deletes entries.
 *
 * <p>{@code actorRole} is the actor's role when the change was made; {@code onBehalfOf} is the cooperative a
 * community digital team member entered the change for (the entry's cooperative, named again so that "who entered
 * what for whom" is one column, not a join with the user table). Entries older than that change have neither.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String actor;

    @Column(name = "actor_role")
    private String actorRole;

    @Column(name = "on_behalf_of")
    private String onBehalfOf;

    @Column(name = "cooperative_id")
    private String cooperativeId;

    @Column(name = "commune_key")
    private String communeKey;

    private String action;

    @Column(name = "entity_type")
    private String entityType;

    @Column(name = "entity_id")
    private String entityId;

    private String summary;

    protected AuditEntry() {}

    public AuditEntry(
            String actor,
            String actorRole,
            String onBehalfOf,
            String cooperativeId,
            String communeKey,
            String action,
            String entityType,
            String entityId,
            String summary,
            Instant occurredAt) {
        this.id = UUID.randomUUID().toString();
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.actorRole = actorRole;
        this.onBehalfOf = onBehalfOf;
        this.cooperativeId = cooperativeId;
        this.communeKey = communeKey;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.summary = summary == null || summary.length() <= 2000 ? summary : summary.substring(0, 2000);
    }

    public String getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getActorRole() {
        return actorRole;
    }

    public String getOnBehalfOf() {
        return onBehalfOf;
    }

    public String getCooperativeId() {
        return cooperativeId;
    }

    public String getCommuneKey() {
        return communeKey;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getSummary() {
        return summary;
    }
}
