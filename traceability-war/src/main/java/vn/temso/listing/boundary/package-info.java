/**
 * Marketplace listings over HTTP: the listings API, sync status and the public feed files (Google XML, Voso and
 * Postmart CSV) served from the file store.
 */
package vn.temso.listing.boundary;
