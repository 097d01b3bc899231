/**
 * Batch use cases: lots, diary events and corrections within the caller's cooperative.
 */
package vn.temso.batch.control;
