package vn.temso.platform.startup;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs once the schema is migrated: checks the platform's own configuration, then every feature's {@link StartupTask}
 * in their order (demo data when configured, the configured administrator, the stamp signing key). The job sweeper
 * starts after this bean ({@code @DependsOn("Bootstrap")}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

    @Inject
    @Any
    Instance<StartupTask> tasks;

    @PostConstruct
    void start() {
        // a mistyped proxy address must stop the start, not fail every request that asks for the client address
        vn.temso.platform.security.ClientAddress.checkConfiguration();
        inOrder(tasks.stream()).forEach(StartupTask::run);
        // issuing and print jobs interrupted by a stop or crash are resumed by the JobSweeper of any instance
    }

    /** By order; ties by class name (a client proxy's name starts with its bean's), never by discovery order. */
    static List<StartupTask> inOrder(Stream<StartupTask> tasks) {
        return tasks.sorted(Comparator.comparingInt(StartupTask::order)
                        .thenComparing(t -> t.getClass().getName()))
                .toList();
    }
}
