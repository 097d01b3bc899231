package vn.temso.product.entity;

/** The six OCOP product groups of Decision 148/QĐ-TTg. */
public enum OcopGroup {
    FOOD,
    BEVERAGE,
    HERBAL,
    HANDICRAFT,
    ORNAMENTAL,
    TOURISM_SERVICE
}
