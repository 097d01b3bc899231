package vn.temso.batch.entity;

/** Fact: a farm-diary entry was added to a batch (fired in the same transaction). */
public record DiaryEntryAdded(BatchEvent entry) {}
