package vn.temso.stamp.key;

/** A sealed private key cannot be opened. The message never contains key material. */
public class SealedKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SealedKeyException(String message) {
        super(message);
    }
}
