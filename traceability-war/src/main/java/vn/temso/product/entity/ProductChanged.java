package vn.temso.product.entity;

/**
 * Fired synchronously inside the transaction that created or changed a product, so observers (marketplace
 * listings) record their consequences atomically with the change.
 */
public record ProductChanged(Product product) {}
