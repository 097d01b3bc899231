package vn.temso.imports.control;

/** A cell cannot be read as its column needs (a number, a date, a value from a list): reported on that cell. */
public final class CellProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String columnKey;
    private final String messageKey;
    private final transient Object[] args;

    public CellProblem(String columnKey, String messageKey, Object... args) {
        super(messageKey, null, false, false);
        this.columnKey = columnKey;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String columnKey() {
        return columnKey;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
