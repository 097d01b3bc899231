/** The statistics API ({@code /api/stats/...}): each report as JSON, CSV (UTF-8 with BOM) or .xlsx. */
package vn.temso.stats.boundary;
