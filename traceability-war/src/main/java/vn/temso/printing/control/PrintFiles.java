package vn.temso.printing.control;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import vn.temso.platform.config.Settings;
import vn.temso.printing.entity.PrintJob;

/** Where finished prints are kept: {@code <temso.data.dir>/prints/<job id>.pdf|.zpl}. */
final class PrintFiles {

    private PrintFiles() {
    }

    static Path dir() {
        return Path.of(Settings.get("temso.data.dir", "data")).toAbsolutePath().normalize().resolve("prints");
    }

    static Path of(PrintJob job) {
        return of(dir(), job);
    }

    static Path of(Path dir, PrintJob job) {
        return dir.resolve(job.getId() + "." + job.getFormat().extension());
    }

    /** The print jobs whose files the retention deletes; the database in the service, a list in unit tests. */
    interface Jobs {
        /** Finished (DONE) jobs that ended before {@code cutoff} and still have a file, oldest first. */
        List<PrintJob> withFilesFinishedBefore(Instant cutoff, int limit);

        /** Marks the job's file as deleted, so its download answers 410 Gone. */
        void fileDeleted(String jobId, Instant at);
    }

    /**
     * Deletes the files of jobs that finished before {@code cutoff} and marks those jobs, then deletes any file
     * still last written before the cutoff (partial files of interrupted runs, files no job claims).
     *
     * @return how many jobs lost their file
     */
    static int expire(Path dir, Instant cutoff, Jobs jobs) throws IOException {
        int expired = 0;
        while (true) {
            List<PrintJob> batch = jobs.withFilesFinishedBefore(cutoff, 200);
            for (PrintJob j : batch) {
                Files.deleteIfExists(of(dir, j));
                jobs.fileDeleted(j.getId(), Instant.now());
                expired++;
            }
            if (batch.size() < 200) {
                break;
            }
        }
        deleteOlderThan(dir, cutoff);
        return expired;
    }

    /**
     * Deletes print files (and leftover partial files) last written before {@code cutoff}.
     *
     * @return how many files were deleted
     */
    static int deleteOlderThan(Path dir, Instant cutoff) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toInstant().isBefore(cutoff)
                        && Files.deleteIfExists(f)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** Written first, moved into place when complete, so a download never sees half a file. */
    static Path partOf(PrintJob job) {
        return dir().resolve(job.getId() + "." + job.getFormat().extension() + ".part");
    }
}
