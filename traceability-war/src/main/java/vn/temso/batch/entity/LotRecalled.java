package vn.temso.batch.entity;

/** Fact: a batch was recalled (fired in the same transaction, for each batch a recall reaches). */
public record LotRecalled(Batch batch) {}
