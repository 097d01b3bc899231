package vn.temso.stamp.key;

/** A JWKS document is not valid JSON or breaks the Temso key set rules; the message says which. */
public class InvalidJwksException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidJwksException(String message) {
        super(message);
    }

    public InvalidJwksException(String message, Throwable cause) {
        super(message, cause);
    }
}
