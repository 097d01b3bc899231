package vn.temso.platform.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** The pooled data source every part of the application uses; the database itself is chosen at run time. */
@DataSourceDefinition(
        name = DataSourceConfig.JNDI_NAME,
        className = "vn.temso.platform.persistence.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300,
        transactional = true)
@ApplicationScoped
public class DataSourceConfig {
    public static final String JNDI_NAME = "java:app/jdbc/temso";
}
