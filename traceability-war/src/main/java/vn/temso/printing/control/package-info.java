/**
 * Print jobs through label-printer: content of each label, resumable leased runs, output to the file store, and
 * retention.
 */
package vn.temso.printing.control;
