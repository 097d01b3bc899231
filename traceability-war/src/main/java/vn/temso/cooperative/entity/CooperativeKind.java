package vn.temso.cooperative.entity;

/** Legal form of the producer (hợp tác xã, tổ hợp tác, doanh nghiệp, hộ kinh doanh). */
public enum CooperativeKind {
    COOPERATIVE,
    COOPERATIVE_GROUP,
    COMPANY,
    HOUSEHOLD
}
