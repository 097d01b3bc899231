package vn.temso.imports.control;

import java.io.IOException;
import java.util.List;

/** A sheet read row by row as it streams; nothing of it is kept beyond the row being handled. */
public interface RowSource {

    /** Hands over every row in order: its 1-based row number and its cells as text (index = column, 0-based). */
    void read(RowHandler handler) throws IOException;

    @FunctionalInterface
    interface RowHandler {
        void row(int number, List<String> cells);
    }
}
