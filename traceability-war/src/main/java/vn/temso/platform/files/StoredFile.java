package vn.temso.platform.files;

import java.time.Instant;

/**
 * One version of a stored file.
 *
 * @param key         the file's name in the store, e.g. {@code prints/<job id>.pdf}
 * @param contentType its media type
 * @param size        its length in bytes
 * @param sha256      the hex SHA-256 of its bytes (an entity tag that changes with the content)
 * @param created     when this version was stored (Last-Modified, and what retention looks at)
 * @param version     the id of this version's chunks: a replaced file gets a new one
 */
public record StoredFile(String key, String contentType, long size, String sha256, Instant created, String version) {}
