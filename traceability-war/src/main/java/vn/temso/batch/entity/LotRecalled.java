package vn.temso.batch.entity;

/** A batch was recalled, directly or because a batch it was made from was; fired once per batch, in the transaction of the recall. Observed synchronously (CDI), e.g. by the EPCIS projection. */
public record LotRecalled(Batch batch) {}
