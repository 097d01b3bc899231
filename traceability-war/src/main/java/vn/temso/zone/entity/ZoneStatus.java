package vn.temso.zone.entity;

/** A growing-area code is granted (active), can be suspended, and revocation is final. */
public enum ZoneStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED
}
