package vn.temso.stats.control;

/** What the alerts report counts: stamps flagged as suspected copies, and buyer reports by kind. */
public enum Alert {
    SUSPECTED_COPY,
    SUSPECTED_FAKE,
    FEEDBACK
}
