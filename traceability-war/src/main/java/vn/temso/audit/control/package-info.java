/**
 * Writes who changed what, in the transaction of the change.
 */
package vn.temso.audit.control;
