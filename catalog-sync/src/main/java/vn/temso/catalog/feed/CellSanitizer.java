package vn.temso.catalog.feed;

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV injection"): a cell that starts with
 * = + - @ tab or CR would be evaluated by Excel or Sheets when a seller opens the export, so it
 * gets a leading apostrophe, which spreadsheets treat as "this is text".
 */
public final class CellSanitizer {

    private CellSanitizer() {}

    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
