/**
 * Cooperative use cases, scoped to what the caller may see.
 */
package vn.temso.cooperative.control;
