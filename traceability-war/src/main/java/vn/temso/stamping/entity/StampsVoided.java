package vn.temso.stamping.entity;

import java.time.Instant;
import vn.temso.batch.entity.Batch;

/** Fact: the stamps of {@code batch} numbered {@code fromSeq..toSeq} were voided; {@code voidId} names this void. */
public record StampsVoided(String voidId, Batch batch, int fromSeq, int toSeq, String reason, Instant at) {}
