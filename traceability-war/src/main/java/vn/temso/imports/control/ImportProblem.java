package vn.temso.imports.control;

/**
 * One problem of a file: the spreadsheet's row number (1 = first row; 0 for the file as a whole), the column's header
 * as the file spells it (or the template's header when the column is missing), and the message in the caller's
 * language.
 */
public record ImportProblem(int row, String column, String message) {}
