package vn.temso.portal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Whether a lot's portal record must be built again. Anything that may change the record (a fact about the lot, its
 * product, cooperative or zones, an event captured for it, a new day) moves {@code generation} on and sets
 * {@code dirty}; the builder records the generation it read, and clears {@code dirty} only if nothing moved it on
 * meanwhile. Changed only by bulk updates ({@code PortalLots}), so a fact never waits for a build.
 */
@Entity
@Table(name = "portal_lot")
public class PortalLot {

    @Id
    @Column(name = "batch_id", length = 36)
    private String batchId;

    @Column(name = "cooperative_id")
    private String cooperativeId;

    private long generation;

    @Column(name = "built_generation")
    private long builtGeneration;

    /** 1 while the record must be built, else 0 (an INT: EclipseLink binds booleans as integers on Derby). */
    private int dirty;

    @Column(name = "built_at")
    private Instant builtAt;

    protected PortalLot() {}

    /** A lot whose record was never built: dirty. */
    public PortalLot(String batchId, String cooperativeId) {
        this.batchId = batchId;
        this.cooperativeId = cooperativeId;
        this.generation = 1;
        this.dirty = 1;
    }

    public String getBatchId() {
        return batchId;
    }

    public String getCooperativeId() {
        return cooperativeId;
    }

    public long getGeneration() {
        return generation;
    }

    public long getBuiltGeneration() {
        return builtGeneration;
    }

    public boolean isDirty() {
        return dirty != 0;
    }

    public Instant getBuiltAt() {
        return builtAt;
    }
}
