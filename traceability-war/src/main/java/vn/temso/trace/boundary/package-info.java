/**
 * The public side of a stamp: the trace page a buyer's phone opens (Vietnamese first, English too), buyer reports
 * and the published signing keys (JWKS). Everything here treats the request as hostile.
 */
package vn.temso.trace.boundary;
