package vn.temso.imports.control;

/**
 * Applies one kind's rows through the control class that owns it (Zones, Products, Batches), so the import obeys the
 * same rules as the API and the pages.
 *
 * @param <C> the command a row becomes
 */
public interface RowTarget<C> {

    /** What was done with a row. */
    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** The row's natural key: two rows of one file with the same key are a mistake. */
    String key(C command);

    /** The column key the natural key is read from (where a duplicate is reported). */
    String keyColumn();

    Outcome apply(C command);
}
