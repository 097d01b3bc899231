/**
 * JAX-RS application set-up and the request plumbing shared by every resource: paging and strict query parameters.
 */
package vn.temso.platform.rest;
