package vn.temso.platform.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that met a lost connection outside a transaction three times, 5 s apart: with the
 * database gone, a trace page or a readiness-adjacent read then hangs 15 s before it fails, longer than a load
 * balancer or a phone waits. The connection pool already validates and replaces connections (DataSourceConfig), so
 * a read fails at once and answers 503 storage-unavailable; the client (or the job's own loop) tries again.
 */
public class NoQueryRetry implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
