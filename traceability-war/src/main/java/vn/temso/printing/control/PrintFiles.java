package vn.temso.printing.control;

import java.time.Instant;
import java.util.List;
import vn.temso.platform.files.FileStore;
import vn.temso.printing.entity.PrintJob;

/** Where finished prints are kept: the file store, under {@code prints/<job id>.pdf|.zpl}. */
final class PrintFiles {

    static final String PREFIX = "prints/";

    private PrintFiles() {}

    static String keyOf(PrintJob job) {
        return PREFIX + job.getId() + "." + job.getFormat().extension();
    }

    /** The print jobs whose files the retention deletes; the database in the service, a list in unit tests. */
    interface Jobs {
        /** Finished (DONE) jobs that ended before {@code cutoff} and still have a file, oldest first. */
        List<PrintJob> withFilesFinishedBefore(Instant cutoff, int limit);

        /** Marks the job's file as deleted, so its download answers 410 Gone. */
        void fileDeleted(String jobId, Instant at);
    }

    /**
     * Deletes the files of jobs that finished before {@code cutoff} and marks those jobs, then deletes any print
     * file still stored before the cutoff (files no job claims). Unfinished uploads are the store's to sweep.
     *
     * @param now     when the files are deleted (what their downloads then say)
     * @return how many jobs lost their file
     */
    static int expire(FileStore store, Instant cutoff, Jobs jobs, Instant now) {
        int expired = 0;
        while (true) {
            List<PrintJob> batch = jobs.withFilesFinishedBefore(cutoff, 200);
            for (PrintJob j : batch) {
                store.delete(keyOf(j));
                jobs.fileDeleted(j.getId(), now);
                expired++;
            }
            if (batch.size() < 200) {
                break;
            }
        }
        store.deleteCreatedBefore(PREFIX, cutoff);
        return expired;
    }
}
