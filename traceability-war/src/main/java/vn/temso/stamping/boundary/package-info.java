/**
 * Digital stamps (tem số) over HTTP: issuing jobs, listing, export, voiding, QR images and signing keys.
 */
package vn.temso.stamping.boundary;
