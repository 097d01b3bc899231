/**
 * Files every instance can read: print files, product images and feed files, kept in the shared database as
 * chunked rows behind {@link vn.temso.platform.files.FileStore}, streamed in and out a chunk at a time.
 */
package vn.temso.platform.files;
