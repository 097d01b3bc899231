/** The gate between a generated feed and the file the marketplace fetches: a broken feed never replaces a good one. */
package vn.temso.catalog.publish;
