/**
 * Partners over HTTP ({@code /api/partners}) and the partner-key scheme: a key is accepted on the EPCIS interface
 * only, refused with 403 everywhere else.
 */
package vn.temso.partner.boundary;
