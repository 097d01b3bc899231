package vn.temso.partner.entity;

/** Who a partner is in the cooperative's chain (one step forward). */
public enum PartnerKind {
    DISTRIBUTOR,
    WHOLESALE_MARKET,
    SUPERMARKET,
    OTHER
}
