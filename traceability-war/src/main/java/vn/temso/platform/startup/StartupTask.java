package vn.temso.platform.startup;

/**
 * Work a feature does once at every start, after the schema is migrated and before the job sweeper resumes jobs (a
 * CDI bean; {@link Bootstrap} finds every one by type). Features register their own start-up work this way, so the
 * platform names none of them.
 */
public interface StartupTask {

    /**
     * Lower runs first; equal orders run by class name, so the order never depends on how beans were discovered. In
     * use: 100 demo data, 200 the configured administrator, 300 the stamp signing key.
     */
    int order();

    /** Runs on the start-up thread, without a transaction: a task that needs one declares it on this method. */
    void run();
}
