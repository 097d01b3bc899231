package vn.temso.printing.control;

import java.nio.file.Path;
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

    /** Written first, moved into place when complete, so a download never sees half a file. */
    static Path partOf(PrintJob job) {
        return dir().resolve(job.getId() + "." + job.getFormat().extension() + ".part");
    }
}
