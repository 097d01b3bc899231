package vn.temso.epcis.entity;

/**
 * The stamps of the event's lot numbered {@code fromSeq..toSeq}, and only those of one issuing job when
 * {@code jobId} is set (two jobs of a lot may interleave their chunks).
 */
public record StampRange(int fromSeq, int toSeq, String jobId) {}
