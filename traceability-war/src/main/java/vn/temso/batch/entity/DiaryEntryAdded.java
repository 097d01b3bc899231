package vn.temso.batch.entity;

/** A diary entry was added to a batch; fired in the transaction that recorded it. Observed synchronously (CDI), e.g. by the EPCIS projection. */
public record DiaryEntryAdded(BatchEvent entry) {}
