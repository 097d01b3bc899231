package vn.temso.batch.entity;

/** A batch was created or its details (zones, dates, quantity) replaced; fired in the transaction of the change, after it. Observed synchronously (CDI), e.g. by the EPCIS projection. */
public record LotRecorded(Batch batch) {}
