package vn.temso.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.temso.platform.problem.ProblemException;
import vn.temso.portal.boundary.PortalRecordView;
import vn.temso.portal.control.PortalSettings;
import vn.temso.portal.control.PortalSync;

/** The lot page's national-portal panel: whether the lot's record is complete, what it lacks, its delivery. */
@Named
@RequestScoped
public class PortalBean {

    @Inject
    PortalSync sync;

    @Inject
    PortalSettings settings;

    @Inject
    BatchesBean batches;

    private PortalRecordView record;
    private String problem;
    private boolean loaded;

    /** The record of the lot on the page, or null when the lot is not shown (or the mapping cannot be used). */
    public PortalRecordView getRecord() {
        load();
        return record;
    }

    /** Why the record cannot be shown (the mapping file cannot be used), or null. */
    public String getProblem() {
        load();
        return problem;
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (batches.getBatch() == null) {
            return;
        }
        try {
            record = PortalRecordView.of(sync.snapshot(batches.getId()), settings.problem(), settings::redact);
        } catch (ProblemException e) {
            problem = e.getMessage();
        }
    }
}
