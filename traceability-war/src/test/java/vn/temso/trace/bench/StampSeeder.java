package vn.temso.trace.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A year of stamps and scans for bench/stats.sh, written straight into a stopped Temso's database (embedded Derby
 * directory or PostgreSQL): {@code stamps} stamps over every batch of the demo data (copies of an issued demo stamp,
 * issued on days spread over the last year) and {@code scans} scans over the time since each stamp's issue, a few
 * stamps scanned very often and most rarely (quadratic skew), as phone cameras do. Seeded (repeatable). Run it in
 * the server's time zone (UTC: timestamps are stored as UTC wall-clock times).
 *
 * <p>Usage: {@code StampSeeder <jdbc url> <user> <password> <stamps> <scans>} (user and password empty for Derby)
 */
public final class StampSeeder {

    private static final int CHUNK = 10_000;

    private StampSeeder() {}

    public static void main(String[] args) throws SQLException, IOException {
        int stamps = Integer.parseInt(args[3]);
        int scans = Integer.parseInt(args[4]);
        Instant now = Instant.now();
        Instant yearAgo = now.minus(Duration.ofDays(365));
        SplittableRandom random = new SplittableRandom(17);
        // embedded Derby as the server opens it: no user, so the APP schema
        try (Connection c = args[1].isEmpty()
                ? DriverManager.getConnection(args[0])
                : DriverManager.getConnection(args[0], args[1], args[2])) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            Instant[] issued = seedStamps(c, stamps, yearAgo, now, random);
            long t1 = System.nanoTime();
            seedScans(c, scans, issued, now, random);
            long t2 = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "seeded %,d stamps in %.0f s and %,d scans in %.0f s%n",
                    stamps,
                    (t1 - t0) / 1e9,
                    scans,
                    (t2 - t1) / 1e9);
        }
    }

    /** Copies of one issued demo stamp spread over all batches; returns each new stamp's issue time (by index). */
    private static Instant[] seedStamps(Connection c, int count, Instant from, Instant to, SplittableRandom random)
            throws SQLException {
        List<String[]> batches = new ArrayList<>(); // id, gtin
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT b.id, p.gtin FROM batch b JOIN product p ON p.id = b.product_id ORDER BY b.id");
                ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                batches.add(new String[] {r.getString(1), r.getString(2)});
            }
        }
        List<String> columns = new ArrayList<>();
        List<Object> template = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM stamp ORDER BY id");
                ResultSet r = ps.executeQuery()) {
            if (!r.next()) {
                throw new IllegalStateException("no stamp to copy: issue one first");
            }
            ResultSetMetaData m = r.getMetaData();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                columns.add(m.getColumnName(i).toLowerCase(Locale.ROOT));
                template.add(r.getObject(i));
            }
        }
        String sql = "INSERT INTO stamp (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
        Instant[] issued = new Instant[count];
        long span = Duration.between(from, to).toSeconds();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                String[] batch = batches.get(i % batches.size());
                String serial = String.format(Locale.ROOT, "B%09d", i);
                // issued over the first eleven months, so every stamp has time to be scanned
                issued[i] = from.plusSeconds((long) (random.nextDouble() * span * 11 / 12));
                for (int col = 0; col < columns.size(); col++) {
                    Object v = switch (columns.get(col)) {
                        case "id" -> batch[1] + "." + serial;
                        case "gtin" -> batch[1];
                        case "serial" -> serial;
                        case "batch_id" -> batch[0];
                        case "seq" -> 1_000_000 + i;
                        case "job_id", "voided_at", "void_reason", "flagged_at" -> null;
                        case "issued_at" -> Timestamp.from(issued[i]);
                        case "url" -> "https://tem.example.vn/01/" + batch[1] + "/21/" + serial;
                        default -> template.get(col);
                    };
                    ps.setObject(col + 1, v);
                }
                ps.addBatch();
                if ((i + 1) % CHUNK == 0 || i == count - 1) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
        return issued;
    }

    private static void seedScans(Connection c, int count, Instant[] issued, Instant to, SplittableRandom random)
            throws SQLException, IOException {
        // the gtin of each new stamp's id, read back in index order
        String[] ids = new String[issued.length];
        try (PreparedStatement ps = c.prepareStatement("SELECT id, serial FROM stamp WHERE serial LIKE 'B%'");
                ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                ids[Integer.parseInt(r.getString(2).substring(1))] = r.getString(1);
            }
        }
        boolean derby = c.getMetaData().getURL().startsWith("jdbc:derby:");
        // Derby: a bulk import into the empty table (indexes built once, by sorting) instead of 10 million inserts
        // into five indexes, which take half an hour; PostgreSQL takes rewritten JDBC batches fast enough
        Path csv = derby ? Files.createTempFile("scans", ".csv") : null;
        try (PreparedStatement ps = derby
                        ? null
                        : c.prepareStatement("INSERT INTO scan (id, stamp_id, scanned_at, client_hash, network_hash)"
                                + " VALUES (?, ?, ?, ?, ?)");
                Writer out = derby ? Files.newBufferedWriter(csv) : Writer.nullWriter()) {
            for (int i = 0; i < count; i++) {
                double u = random.nextDouble();
                int stamp = (int) (u * u * issued.length);
                long after = Duration.between(issued[stamp], to).toSeconds();
                Instant at = issued[stamp].plusSeconds(1 + (long) (random.nextDouble() * (after - 1)));
                String id = String.format(Locale.ROOT, "S%035d", i);
                String client = Integer.toHexString(random.nextInt(1 << 20));
                String network = Integer.toHexString(random.nextInt(1 << 16));
                if (derby) { // the table's column order: id, stamp_id, scanned_at, client_hash, network_hash
                    out.write(id + "," + ids[stamp] + "," + Timestamp.from(at) + "," + client + "," + network + "\n");
                    continue;
                }
                ps.setString(1, id);
                ps.setString(2, ids[stamp]);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.setString(4, client);
                ps.setString(5, network);
                ps.addBatch();
                if ((i + 1) % CHUNK == 0 || i == count - 1) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
        if (derby) {
            try (PreparedStatement ps =
                    c.prepareStatement("CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE(NULL, 'SCAN', ?, ',', NULL, 'UTF-8', 1)")) {
                ps.setString(1, csv.toString());
                ps.execute();
                c.commit();
            } finally {
                Files.delete(csv);
            }
        }
    }
}
