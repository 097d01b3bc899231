/**
 * Streaming feed writers, one per marketplace channel. Writers take entries one at a time and
 * write straight to an OutputStream, so a 100,000-product catalog never sits in memory.
 */
package vn.temso.catalog.feed;
