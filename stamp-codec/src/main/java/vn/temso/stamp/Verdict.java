package vn.temso.stamp;

/** Outcome of checking a stamp URL. Only {@link #GENUINE} means the stamp was issued by the key set's owner. */
public enum Verdict {
    /** Well-formed, known active key, signature valid. */
    GENUINE,
    /** Well-formed, known key, but the signature does not cover these identifiers: altered or forged. */
    BAD_SIGNATURE,
    /** Well-formed, but no key with this id is published. */
    UNKNOWN_KEY,
    /** The key id belongs to a revoked key; its stamps are no longer trusted. */
    KEY_REVOKED,
    /** Not a stamp URL of this format (or not under the expected base URL). */
    MALFORMED
}
