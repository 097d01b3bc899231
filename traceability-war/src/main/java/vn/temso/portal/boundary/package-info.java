/**
 * The national-portal record over HTTP: a lot's mapped record with what it still lacks, the outbox status and the
 * staff retry of a failed delivery.
 */
package vn.temso.portal.boundary;
