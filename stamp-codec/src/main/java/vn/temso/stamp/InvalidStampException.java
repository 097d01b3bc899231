package vn.temso.stamp;

/** A stamp URL or one of its fields does not follow the stamp format; the message says which rule and is safe to show. */
public class InvalidStampException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidStampException(String message) {
        super(message);
    }
}
