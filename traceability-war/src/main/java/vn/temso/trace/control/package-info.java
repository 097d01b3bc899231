/**
 * Reads a stamp's record for the trace page, verifies its signature, counts scans and judges clones from scan
 * patterns; bounded caches keep the page fast and invalidate on any change signal.
 */
package vn.temso.trace.control;
