/**
 * Builds each lot's national-portal record from Temso's data and the EPCIS event log, maps it to the portal's payload
 * through the configurable mapping file, says which required fields a lot lacks, and sends new and changed records
 * through the shared outbox (retries, Retry-After, idempotency keys, cluster-safe claims).
 */
package vn.temso.portal.control;
