/**
 * Cooperatives (hợp tác xã) over HTTP: register, read and update them.
 */
package vn.temso.cooperative.boundary;
