/**
 * A stamp, its issuance job, its scans and scan totals, and the signing key records.
 */
package vn.temso.stamping.entity;
