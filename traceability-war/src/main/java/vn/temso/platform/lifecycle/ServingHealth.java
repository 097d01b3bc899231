package vn.temso.platform.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** /health/ready is DOWN from the moment the instance was asked to stop (see {@link ShutdownDrain}). */
@Readiness
@ApplicationScoped
public class ServingHealth implements HealthCheck {

    @Inject
    ShutdownDrain drain;

    @Override
    public HealthCheckResponse call() {
        drain.probed();
        return HealthCheckResponse.named("serving").status(!drain.draining()).build();
    }
}
