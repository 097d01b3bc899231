package vn.temso.imports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of an imported file known by the file's own id (a diary entry's "Mã nhật ký"): the record it became and a
 * fingerprint of its values, so the same row imported again changes nothing and a changed row is seen as changed.
 */
@Entity
@Table(name = "import_key")
public class ImportKey {

    @Id
    @Column(length = 36)
    private String id;

    private String kind;

    @Column(name = "cooperative_id")
    private String cooperativeId;

    @Column(name = "natural_key")
    private String naturalKey;

    @Column(name = "record_id")
    private String recordId;

    private String fingerprint;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ImportKey() {}

    public ImportKey(
            String kind, String cooperativeId, String naturalKey, String recordId, String fingerprint, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.cooperativeId = cooperativeId;
        this.naturalKey = naturalKey;
        this.recordId = recordId;
        this.fingerprint = fingerprint;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** The row now stands for another record (a correction replaced the first one). */
    public void pointTo(String recordId, String fingerprint, Instant at) {
        this.recordId = recordId;
        this.fingerprint = fingerprint;
        this.updatedAt = at;
    }

    public String getRecordId() {
        return recordId;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getNaturalKey() {
        return naturalKey;
    }
}
