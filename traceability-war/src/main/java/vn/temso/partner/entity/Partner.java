package vn.temso.partner.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.domain.GlnField;
import vn.temso.platform.domain.InvalidField;
import vn.temso.platform.text.Texts;

/**
 * A partner of one cooperative and its API key. Only the key's SHA-256 is kept ({@code keyHash}), with its first
 * characters ({@code keyHint}) so people can tell keys apart; the key itself is shown once, when it is issued. A
 * revoked key stays listed (who revoked it, when) and never works again.
 */
@Entity
@Table(name = "partner")
public class Partner {

    /** Longest partner name. */
    public static final int MAX_NAME = 200;

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cooperative_id")
    private Cooperative cooperative;

    private String name;

    @Enumerated(EnumType.STRING)
    private PartnerKind kind;

    private String gln;

    @Column(name = "key_hash")
    private String keyHash;

    @Column(name = "key_hint")
    private String keyHint;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected Partner() {}

    /** A name is required (NFC, at most {@value #MAX_NAME} characters); a GLN, if given, must be a valid GLN-13. */
    public Partner(
            Cooperative cooperative,
            String name,
            PartnerKind kind,
            String gln,
            String keyHash,
            String keyHint,
            Instant createdAt,
            String createdBy) {
        String clean = Texts.clean(name);
        if (clean == null || clean.length() > MAX_NAME) {
            throw new InvalidField("name", "a partner's name is 1 to " + MAX_NAME + " characters");
        }
        if (kind == null) {
            throw new InvalidField("kind", "kind is one of DISTRIBUTOR, WHOLESALE_MARKET, SUPERMARKET, OTHER");
        }
        this.id = UUID.randomUUID().toString();
        this.cooperative = cooperative;
        this.name = clean;
        this.kind = kind;
        this.gln = GlnField.validate("gln", gln);
        this.keyHash = keyHash;
        this.keyHint = keyHint;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** Revokes the key (the first revocation stands). */
    public void revoke(Instant at, String by) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
        }
    }

    public boolean isActive() {
        return revokedAt == null;
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

    public PartnerKind getKind() {
        return kind;
    }

    public String getGln() {
        return gln;
    }

    public String getKeyHint() {
        return keyHint;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }
}
