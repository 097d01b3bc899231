package vn.temso.label;

/**
 * Base of every failure the label printer reports for bad input (items, templates, sizes).
 * The message is meant for the person who supplied the input: it names the field and the fix.
 */
public class LabelPrinterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LabelPrinterException(String message) {
        super(message);
    }

    public LabelPrinterException(String message, Throwable cause) {
        super(message, cause);
    }
}
