/**
 * Servlet-level concerns for every page: security headers, session cookies, conditional GET and problem+json error
 * pages.
 */
package vn.temso.platform.web;
