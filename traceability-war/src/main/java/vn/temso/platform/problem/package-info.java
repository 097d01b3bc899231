/**
 * RFC 9457 problem+json: the API's problem types and the one place where exceptions become responses.
 */
package vn.temso.platform.problem;
