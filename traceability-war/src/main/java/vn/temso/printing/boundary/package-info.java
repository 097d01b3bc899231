/**
 * Label printing over HTTP: print jobs for a batch's stamps, their files, and label templates.
 */
package vn.temso.printing.boundary;
