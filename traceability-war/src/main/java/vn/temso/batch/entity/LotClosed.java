package vn.temso.batch.entity;

/**
 * A batch was closed (finished: it takes no more events or stamps); fired in the transaction of the close, after
 * it. Observed synchronously (CDI), e.g. by marketplace listings, for which a product without an open batch is out
 * of stock.
 */
public record LotClosed(Batch batch) {}
