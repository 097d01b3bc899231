/**
 * Products over HTTP: GTIN, name, OCOP certificate and image.
 */
package vn.temso.product.boundary;
