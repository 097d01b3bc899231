/**
 * A product with its GTIN and OCOP certificate (stars, group, validity).
 */
package vn.temso.product.entity;
