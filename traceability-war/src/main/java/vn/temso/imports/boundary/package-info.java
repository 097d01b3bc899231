/** Spreadsheet, KML and GeoJSON import and export over HTTP: {@code /api/imports}, {@code /api/exports}. */
package vn.temso.imports.boundary;
