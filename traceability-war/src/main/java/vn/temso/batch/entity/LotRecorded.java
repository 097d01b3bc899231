package vn.temso.batch.entity;

/** Fact: a batch was created, or its harvest details changed (fired in the same transaction). */
public record LotRecorded(Batch batch) {}
