/**
 * Zone use cases: registration, outlines and status changes within the caller's cooperative, and the display-outline
 * back-fill migration.
 */
package vn.temso.zone.control;
