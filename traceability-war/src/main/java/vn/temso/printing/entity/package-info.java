/**
 * A print job, its output format, and a cooperative's custom label templates.
 */
package vn.temso.printing.entity;
