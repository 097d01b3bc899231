package vn.temso.printing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import vn.temso.cooperative.entity.Cooperative;

/**
 * A sheet template a cooperative saved for a sticker-sheet brand that is not among the presets. The geometry is
 * stored as label-printer JSON, written back from the validated template, so it always loads again. Immutable: a
 * changed sheet is saved under a new name (print jobs keep their own copy of the geometry anyway).
 */
@Entity
@Table(name = "label_template")
public class CustomTemplate {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "cooperative_id")
    private Cooperative cooperative;

    private String name;

    @Column(name = "sheet_json")
    private String sheetJson;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    protected CustomTemplate() {}

    public CustomTemplate(Cooperative cooperative, String name, String sheetJson, String createdBy, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.cooperative = cooperative;
        this.name = name;
        this.sheetJson = sheetJson;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public Cooperative getCooperative() {
        return cooperative;
    }

    public String getName() {
        return name;
    }

    public String getSheetJson() {
        return sheetJson;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
