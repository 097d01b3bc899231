package vn.temso.batch.entity;

/** Farm-diary entries (nhật ký sản xuất), mapped to EPCIS business steps where one exists. */
public enum EventType {
    SOWING,
    FERTILISING,
    SPRAYING,
    IRRIGATION,
    HARVEST,
    PACKING,
    SHIPPING,
    INSPECTION,
    OTHER
}
