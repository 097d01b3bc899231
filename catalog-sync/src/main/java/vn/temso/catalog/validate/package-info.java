/** Per-channel checks run before anything is published, reported per item with field and message. */
package vn.temso.catalog.validate;
