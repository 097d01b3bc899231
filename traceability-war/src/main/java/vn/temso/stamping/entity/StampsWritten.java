package vn.temso.stamping.entity;

import java.time.Instant;
import vn.temso.batch.entity.Batch;

/** Fact: an issuing job wrote the stamps of {@code batch} numbered {@code fromSeq..toSeq} (one chunk). */
public record StampsWritten(Batch batch, String jobId, int fromSeq, int toSeq, Instant at) {}
