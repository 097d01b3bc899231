/** Command line: catalog JSON in, one channel's feed out, through the publish gate. */
package vn.temso.catalog.cli;
