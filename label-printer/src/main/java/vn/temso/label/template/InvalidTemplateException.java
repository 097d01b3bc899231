package vn.temso.label.template;

import java.util.List;
import vn.temso.label.LabelPrinterException;

/**
 * A template that is unknown, unreadable, geometrically impossible or beyond what real printers handle. It carries
 * every problem found, each with the field it is about, so callers map them to their own error format without
 * parsing the message (which lists them all, for a command line).
 */
public class InvalidTemplateException extends LabelPrinterException {
    private static final long serialVersionUID = 1L;

    private final List<TemplateProblem> problems;
    private final String subject;

    public InvalidTemplateException(String message) {
        this(message, (Throwable) null);
    }

    public InvalidTemplateException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(new TemplateProblem(TemplateProblem.WHOLE_TEMPLATE, message));
        this.subject = "template";
    }

    /** @param what "template 'x'" or "thermal template 'x'", the start of the message */
    public InvalidTemplateException(String what, List<TemplateProblem> problems) {
        super(what + " is invalid: "
                + String.join(
                        "; ", problems.stream().map(TemplateProblem::message).toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        this.problems = List.copyOf(problems);
        this.subject = what;
    }

    /** One problem with one field of the JSON (unknown, or a value of the wrong type). */
    static InvalidTemplateException ofField(String field, String message, Throwable cause) {
        return new InvalidTemplateException(message, cause, field);
    }

    private InvalidTemplateException(String message, Throwable cause, String field) {
        super(message, cause);
        this.problems = List.of(new TemplateProblem(field, message));
        this.subject = "template";
    }

    /** What is invalid, e.g. {@code template 'my-sheet'}. */
    public String subject() {
        return subject;
    }

    /** Every problem, in the order found; never empty. */
    public List<TemplateProblem> problems() {
        return problems;
    }
}
