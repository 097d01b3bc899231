/**
 * Issues signed stamps in leased jobs (quota, sign-ahead, numbered once), manages the Ed25519 signing keys and
 * renders stamp QR images.
 */
package vn.temso.stamping.control;
