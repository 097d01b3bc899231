/**
 * Buyer reports sent from the trace page: a suspected fake, or feedback with a rating.
 */
package vn.temso.trace.entity;
