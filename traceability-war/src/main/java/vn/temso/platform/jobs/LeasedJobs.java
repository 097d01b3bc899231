package vn.temso.platform.jobs;

import java.util.List;

/** A kind of job the {@link JobSweeper} takes over when its owner died (a CDI bean; found by type). */
public interface LeasedJobs {

    JobLeases.Kind kind();

    /** The statuses in which a job of this kind is unfinished and must be worked by someone. */
    List<String> unfinished();

    /** Runs the job in the background under {@code lease} (taken by the sweeper), closing it when done. */
    void resume(String id, Lease lease);
}
