package vn.temso.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The pooled data source every part of the application uses; the database itself is chosen at run time.
 * <p>
 * Recovery without a restart (issue 13, storage faults): a connection is checked with {@code Connection.isValid}
 * before it is handed out (at most once a second per connection, so a busy trace page does not pay a round trip per
 * request), and when one check fails every pooled connection is dropped. After PostgreSQL restarts, every pooled
 * connection is dead at once; after embedded Derby stopped its database on a write it could not make (disk full),
 * the old connections are closed and the next new one boots the database again.
 */
@DataSourceDefinition(
        name = DataSourceConfig.JNDI_NAME,
        className = "vn.temso.platform.persistence.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300,
        transactional = true,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=1",
            "fish.payara.fail-all-connections=true"
        })
@ApplicationScoped
public class DataSourceConfig {
    public static final String JNDI_NAME = "java:app/jdbc/temso";
}
