package vn.temso.platform.files;

/** The file store's database failed; the cause is the SQLException (a storage fault answers 503 through it). */
public class FileStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FileStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
