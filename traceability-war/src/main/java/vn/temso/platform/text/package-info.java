/**
 * Text rules for every input: UTF-8, NFC normalisation of request bodies, and JSON shape limits.
 */
package vn.temso.platform.text;
