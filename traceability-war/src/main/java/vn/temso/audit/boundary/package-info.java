/**
 * The audit log over HTTP, for administrators and the cooperative it concerns.
 */
package vn.temso.audit.boundary;
