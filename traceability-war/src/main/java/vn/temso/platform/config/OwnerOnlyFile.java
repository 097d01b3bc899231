package vn.temso.platform.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A small secret kept in a file only its owner may read (the demo stamp-key secret). The file is written complete
 * into a temporary file that is created owner-only (rw-------, whatever the umask), then moved into place in one
 * step: at no moment can another user read it, and no reader ever sees it half-written.
 */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {}

    /** The file's content (trimmed); when there is no file yet, writes {@code content} into a new one first. */
    public static String readOrCreate(Path file, Supplier<String> content) throws IOException {
        if (!Files.exists(file)) {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(dir, ".secret-", ".tmp", ownerOnly())
                    : Files.createTempFile(dir, ".secret-", ".tmp"); // not POSIX: the directory's ACL decides
            try {
                Files.writeString(tmp, content.get(), StandardCharsets.US_ASCII);
                try {
                    // ATOMIC_MOVE is rename(2), which would replace a file another process put there meanwhile:
                    // link-or-fail keeps the first one written (both instances then read the same secret)
                    Files.createLink(file, tmp);
                } catch (FileAlreadyExistsException someoneElse) {
                    // another start won the race; read theirs
                } catch (UnsupportedOperationException | IOException noHardLinks) {
                    if (!Files.exists(file)) {
                        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }

    private static FileAttribute<?> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }
}
