package vn.temso.listing.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import vn.temso.catalog.model.Availability;

/**
 * A whole area's catalogue read for regenerating its feed, in table scans rather than {@link AreaCatalog} pages.
 * <p>
 * Why: a cooperative's products and listings are spread over the whole of their tables (rows land in the order they
 * were registered, every cooperative's mixed with the others'), so reading them cooperative by cooperative through
 * an index fetches nearly every table page once per page of products; with the heap small beside the tables,
 * Derby's page cache then thrashes, and reading was three quarters of a 100,000-product province feed's time. A scan
 * reads each table page once, in file order. The listings (and open batches, and the area's cooperatives) are read
 * first into maps keyed by product; then the products stream by, and each one of the area with a live listing
 * becomes a {@link AreaCatalog.Row}, in file order (marketplaces do not care about item order). The maps hold one
 * small entry per listed product: about 12 MB for 100,000.
 * <p>
 * Plain JDBC on the caller's connection (the service's transaction, or the benchmark's): the result sets are
 * streamed (a fetch size, so PostgreSQL uses a cursor inside the transaction) instead of materialised as a list.
 * The rules stay where they are: {@link AreaCatalog#qualifies} and {@link AreaCatalog#choose} decide each row.
 */
public final class AreaScan implements Iterator<AreaCatalog.Row>, AutoCloseable {

    private static final int FETCH = 1000;

    /**
     * The live listing chosen so far for a product, compact (a province holds one per listed product): a UUID id as
     * two longs, the instant as its parts; whether the product has an open batch is marked here too.
     */
    private static final class Chosen {
        private final long idHigh;
        private final long idLow;
        private final String idText; // only when the id is not a canonical UUID
        private final Availability availability;
        private final long seconds;
        private final int nanos;
        private boolean stocked;

        Chosen(String id, Availability availability, Instant updatedAt) {
            UUID uuid = uuid(id);
            this.idHigh = uuid == null ? 0 : uuid.getMostSignificantBits();
            this.idLow = uuid == null ? 0 : uuid.getLeastSignificantBits();
            this.idText = uuid == null ? id : null;
            this.availability = availability;
            this.seconds = updatedAt == null ? Long.MIN_VALUE : updatedAt.getEpochSecond();
            this.nanos = updatedAt == null ? 0 : updatedAt.getNano();
        }

        String id() {
            return idText != null ? idText : new UUID(idHigh, idLow).toString();
        }

        Instant updatedAt() {
            return seconds == Long.MIN_VALUE ? null : Instant.ofEpochSecond(seconds, nanos);
        }
    }

    /** A product id as a map key: a UUID (half the memory of its text) when it is one, else the text. */
    private static Object key(String id) {
        UUID uuid = uuid(id);
        return uuid == null ? id : uuid;
    }

    private static UUID uuid(String id) {
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            UUID u = UUID.fromString(id);
            return u.toString().equals(id) ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A cooperative as a row needs it. */
    private record Coop(String id, String name, String commune, boolean consent) {}

    private final LocalDate today;
    private final Map<Object, Chosen> listings;
    private final Map<String, Coop> coops;
    private final PreparedStatement products;
    private final ResultSet rows;
    private AreaCatalog.Row next;

    private AreaScan(
            LocalDate today,
            Map<Object, Chosen> listings,
            Map<String, Coop> coops,
            PreparedStatement products,
            ResultSet rows) {
        this.today = today;
        this.listings = listings;
        this.coops = coops;
        this.products = products;
        this.rows = rows;
    }

    /**
     * Opens the scan; close it (the product result set stays open until then).
     *
     * @param cooperativeIds the consenting cooperatives of the area
     */
    public static AreaScan open(Connection c, Collection<String> cooperativeIds, LocalDate today) throws SQLException {
        Set<String> area = new HashSet<>(cooperativeIds);
        Map<String, Coop> coops = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, name, commune, catalog_consent FROM cooperative");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (area.contains(r.getString(1))) {
                    coops.put(
                            r.getString(1), new Coop(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4)));
                }
            }
        }
        Map<Object, Chosen> listings = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT product_id, id, availability, updated_at, cooperative_id"
                + " FROM listing WHERE enabled = TRUE AND deleted = FALSE")) {
            s.setFetchSize(FETCH);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (!coops.containsKey(r.getString(5))) {
                        continue;
                    }
                    Chosen l = new Chosen(
                            r.getString(2), Availability.valueOf(r.getString(3)), instant(r.getTimestamp(4)));
                    listings.merge(
                            key(r.getString(1)),
                            l,
                            (a, b) -> AreaCatalog.choose(List.of(a, b), x -> true, Chosen::updatedAt, Chosen::id));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT product_id FROM batch WHERE status = 'OPEN'")) {
            s.setFetchSize(FETCH);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Chosen l = listings.get(key(r.getString(1)));
                    if (l != null) {
                        l.stocked = true;
                    }
                }
            }
        }
        PreparedStatement s = c.prepareStatement(
                "SELECT id, cooperative_id, gtin, name, description, image_url, price_vnd, category, updated_at,"
                        + " ocop_stars, ocop_decision_date, ocop_valid_until FROM product WHERE ocop_stars >= ?");
        try {
            s.setFetchSize(FETCH);
            s.setInt(1, AreaCatalog.MIN_STARS);
            return new AreaScan(today, listings, coops, s, s.executeQuery());
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            while (rows.next()) {
                String id = rows.getString(1);
                Chosen l = listings.get(key(id));
                Coop coop = l == null ? null : coops.get(rows.getString(2));
                if (coop == null) {
                    continue; // not listed, or of another area
                }
                long read = rows.getLong(7);
                Long price = rows.wasNull() ? null : read; // right after its own column: wasNull is the last read's
                CatalogRow row = new CatalogRow(
                        id,
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getString(6),
                        price,
                        rows.getString(8),
                        instant(rows.getTimestamp(9)),
                        coop.id(),
                        coop.name(),
                        coop.commune(),
                        coop.consent(),
                        rows.getInt(10),
                        day(rows.getDate(11)),
                        day(rows.getDate(12)),
                        l.id(),
                        l.availability,
                        l.updatedAt(),
                        true,
                        false);
                next = new AreaCatalog.Row(coop.id(), id, AreaCatalog.qualifies(row, today) ? row : null, l.stocked);
                return true;
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("The area's products could not be read", e);
        }
    }

    @Override
    public AreaCatalog.Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        AreaCatalog.Row r = next;
        next = null;
        return r;
    }

    @Override
    public void close() throws SQLException {
        try (products) {
            rows.close();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static LocalDate day(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
