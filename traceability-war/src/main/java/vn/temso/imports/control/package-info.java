/**
 * Spreadsheet import and export: rows read as they stream (POI's SAX reader for .xlsx, Commons CSV), each mapped to
 * the command of the feature it belongs to and applied through that feature's control class, in one transaction.
 */
package vn.temso.imports.control;
