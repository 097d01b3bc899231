/**
 * Sign-in, sign-out and user management over HTTP; the filters that authenticate requests and throttle sign-in
 * floods.
 */
package vn.temso.account.boundary;
