package vn.temso.batch.entity;

/** Open batches take events and stamps; closed ones are finished; recalled ones are withdrawn with a reason. */
public enum BatchStatus {
    OPEN,
    CLOSED,
    RECALLED
}
