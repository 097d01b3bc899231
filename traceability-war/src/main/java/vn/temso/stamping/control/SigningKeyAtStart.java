package vn.temso.stamping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.temso.platform.startup.StartupTask;

/** Creates the first stamp signing key at start when none exists and a secret is configured. */
@ApplicationScoped
public class SigningKeyAtStart implements StartupTask {

    @Inject
    StampKeys stampKeys;

    /** Last (after the demo data and the administrator), where the start has always created it. */
    @Override
    public int order() {
        return 300;
    }

    @Override
    public void run() {
        stampKeys.ensureActiveKey();
    }
}
