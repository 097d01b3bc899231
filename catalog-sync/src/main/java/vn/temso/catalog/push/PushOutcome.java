package vn.temso.catalog.push;

/** How one delivery attempt ended. */
public enum PushOutcome {
    /** 2xx: the marketplace has this version. */
    SUCCESS,
    /** 5xx, 408, 429, timeout or connection error: try again later. */
    RETRY,
    /** Any other status (4xx, or a 3xx redirect we do not follow): retrying the same request will not help. */
    PERMANENT_FAILURE
}
