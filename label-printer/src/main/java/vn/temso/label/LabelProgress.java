package vn.temso.label;

/** Receives progress while labels are written; called from the writing thread. */
@FunctionalInterface
public interface LabelProgress {
    /** Means "nobody listens". */
    LabelProgress NONE = (done, total) -> {};

    /**
     * @param done  labels written so far
     * @param total labels expected, or -1 when the caller did not say (a stream of unknown length)
     */
    void onProgress(long done, long total);
}
