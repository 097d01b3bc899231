/**
 * Who is calling: bearer tokens and sessions, roles, the tenant scope a caller may see or change, password hashing
 * and client addresses behind trusted proxies.
 */
package vn.temso.platform.security;
