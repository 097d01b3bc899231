package vn.temso.platform.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Files that any instance of a cluster serves, whichever instance wrote them. Keys are slash-separated names
 * ({@code prints/…}, {@code images/…}, {@code feeds/…}). Writing and reading stream: a file is never held whole
 * in memory. A file being written is invisible until committed, and a committed file replaces the old one in
 * one step, so a reader sees the old or the new file, never half of one.
 */
public interface FileStore {

    /** Starts writing {@code key}; nothing is visible until {@link Upload#commit()}. Closing uncommitted discards it. */
    Upload create(String key, String contentType) throws IOException;

    /** The current version of {@code key}, if there is one. */
    Optional<StoredFile> find(String key);

    /**
     * The bytes of that version, read a chunk at a time. If the file is replaced while the stream is read, the
     * old version stays readable for a grace period (an hour), after which reading fails with an IOException.
     */
    InputStream open(StoredFile file) throws IOException;

    /** Deletes {@code key}; false when there was no such file. */
    boolean delete(String key);

    /** Up to {@code limit} files whose key starts with {@code prefix} and sorts after {@code afterKey}, by key. */
    List<StoredFile> list(String prefix, String afterKey, int limit);

    /** Deletes the files under {@code prefix} stored before {@code cutoff}; returns how many. */
    int deleteCreatedBefore(String prefix, Instant cutoff);

    /** Writes a whole file from a body that streams into the store. */
    default StoredFile write(String key, String contentType, Body body) throws IOException {
        try (Upload u = create(key, contentType)) {
            body.writeTo(u.stream());
            return u.commit();
        }
    }

    /** Copies a stream into the store. */
    default StoredFile put(String key, String contentType, InputStream in) throws IOException {
        return write(key, contentType, in::transferTo);
    }

    /** Copies a stored file to {@code out}. */
    default void copy(StoredFile file, OutputStream out) throws IOException {
        try (InputStream in = open(file)) {
            in.transferTo(out);
        }
    }

    /** Writes the bytes of a file. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A file being written. */
    interface Upload extends Closeable {

        /** Where the bytes go; buffered a chunk at a time. */
        OutputStream stream();

        /** Makes the file visible, replacing any previous version. */
        StoredFile commit() throws IOException;

        /** As {@link #commit()}, dated {@code created} (an import of an older file keeps its date). */
        StoredFile commit(Instant created) throws IOException;
    }
}
