package vn.temso.label.item;

import vn.temso.label.LabelPrinterException;

/** A label item (or a row of an items file) that cannot be printed as given. */
public class InvalidLabelItemException extends LabelPrinterException {
    private static final long serialVersionUID = 1L;

    public InvalidLabelItemException(String message) {
        super(message);
    }

    public InvalidLabelItemException(String message, Throwable cause) {
        super(message, cause);
    }
}
