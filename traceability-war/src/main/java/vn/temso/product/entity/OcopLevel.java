package vn.temso.product.entity;

/** Who certified an OCOP rating: the province (3-4 stars), formerly the district (3 stars), or the centre (5 stars). */
public enum OcopLevel {
    DISTRICT,
    PROVINCE,
    CENTRAL
}
