package vn.temso.stamping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A platform signing key. The private half is only ever stored sealed (AES-256-GCM under the configured
 * secret); the public half is published in the JWKS. ACTIVE signs new stamps; RETIRED keys stop signing but
 * keep verifying; REVOKED keys verify nothing ("not genuine — key revoked").
 */
@Entity
@Table(name = "signing_key")
public class SigningKeyRecord {

    public enum Status {
        ACTIVE,
        RETIRED,
        REVOKED
    }

    @Id
    private String kid;

    @Column(name = "public_key")
    private String publicKey;

    @Column(name = "sealed_private_key")
    private String sealedPrivateKey;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected SigningKeyRecord() {}

    public SigningKeyRecord(String kid, String publicKeyB64, String sealedPrivateKey, Instant createdAt) {
        this.kid = kid;
        this.publicKey = publicKeyB64;
        this.sealedPrivateKey = sealedPrivateKey;
        this.status = Status.ACTIVE;
        this.createdAt = createdAt;
    }

    public void retire(Instant at) {
        if (status == Status.ACTIVE) {
            status = Status.RETIRED;
            retiredAt = at;
        }
    }

    public void revoke(Instant at) {
        status = Status.REVOKED;
        revokedAt = at;
    }

    public String getKid() {
        return kid;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public String getSealedPrivateKey() {
        return sealedPrivateKey;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    @Override
    public String toString() {
        return "SigningKeyRecord[" + kid + ", " + status + "]";
    }
}
