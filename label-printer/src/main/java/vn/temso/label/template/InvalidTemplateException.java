package vn.temso.label.template;

import vn.temso.label.LabelPrinterException;

/** A template that is unknown, unreadable or geometrically impossible; the message lists every problem. */
public class InvalidTemplateException extends LabelPrinterException {
    private static final long serialVersionUID = 1L;

    public InvalidTemplateException(String message) {
        super(message);
    }

    public InvalidTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
