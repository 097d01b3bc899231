package vn.temso.catalog.cli;

/** The catalog file is not what the CLI expects; the message says where and why. */
public final class CatalogFormatException extends RuntimeException {

    public CatalogFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public CatalogFormatException(String message) {
        super(message);
    }
}
