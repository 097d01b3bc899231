package vn.temso.batch.control;

import java.time.Instant;

/** An input a cooperative wrote in its diary once (query result row): the name, its pre-harvest interval, when. */
public record InputUsed(String name, Integer preHarvestIntervalDays, Instant recordedAt) {}
