/**
 * Harvest batches over HTTP: register and update a lot,
 * read and add its diary events, close or recall it.
 */
package vn.temso.batch.boundary;
