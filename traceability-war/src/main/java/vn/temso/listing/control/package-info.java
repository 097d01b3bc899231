/**
 * Keeps OCOP product entries in step with marketplaces: feeds regenerated on change through catalog-sync, pushes
 * delivered once per version through an outbox, on a leased schedule.
 */
package vn.temso.listing.control;
