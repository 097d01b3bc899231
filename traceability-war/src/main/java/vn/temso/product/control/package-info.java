/**
 * Product use cases and product images, within the caller's cooperative.
 */
package vn.temso.product.control;
