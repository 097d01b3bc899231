package vn.temso.batch.entity;

/** Farm-diary entries (nhật ký sản xuất), mapped to EPCIS business steps where one exists. */
public enum EventType {
    SOWING,
    FERTILISING,
    SPRAYING,
    IRRIGATION,
    HARVEST,
    PACKING,
    /** Goods sent; the entry's party is the destination (to whom). */
    SHIPPING,
    /** Goods received (a cooperative receiving paddy); the entry's party is the source (from whom). */
    RECEIVING,
    INSPECTION,
    OTHER
}
