package vn.temso.listing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import vn.temso.platform.persistence.DataSourceConfig;

/**
 * Runs a feed's regeneration over an {@link AreaScan} of its scope, on a connection of its own, outside any JTA
 * transaction: the work writes the feed into the file store, whose rows take their own connections and commits
 * ({@code FileRows}), and a file store call inside a JTA transaction shared, then freed, the transaction's pooled
 * connection. The scan only reads: its connection is rolled back and handed back when the work is done.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class AreaRows {

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    /** What is done with the rows; they can be read only while it runs. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Stream<AreaCatalog.Row> rows) throws IOException;
    }

    /**
     * @param cooperativeIds the consenting cooperatives of the scope
     * @param today          the Vietnam date the rules apply on
     */
    public <T> T scan(List<String> cooperativeIds, LocalDate today, Work<T> work) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            // a transaction of its own: PostgreSQL streams a result set with a fetch size only inside one
            c.setAutoCommit(false);
            try (AreaScan rows = AreaScan.open(c, cooperativeIds, today)) {
                return work.apply(
                        StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The area's catalogue could not be read", e);
        }
    }
}
