package vn.temso.printing.control;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
        return dir().resolve(job.getId() + "." + job.getFormat().extension());
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
