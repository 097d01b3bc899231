package vn.temso.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import vn.temso.trace.control.StampDays;

/**
 * Added to the test deployment only: scans in the past, which no HTTP request can make. {@code POST /it/scans?stamp=S&at=I}
 * writes a scan row of stamp S at instant I; {@code POST /it/scans?rollup=forget} forgets the rollup (every day is
 * then counted from scan rows), {@code ?rollup=rebuild} also rolls every closed day up again as {@code StampRollup}
 * does; {@code GET /it/scans?product=P&from=D&to=D}
 * answers {@link StampDays} per day and per product for that one product.
 */
@WebServlet(urlPatterns = "/it/scans")
public class ScanProbe extends HttpServlet {

    @Inject
    StampDays days;

    @Inject
    Clock clock;

    @Resource(lookup = "java:app/jdbc/temso")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            String rollup = req.getParameter("rollup");
            if (rollup != null) {
                try (PreparedStatement a = c.prepareStatement("DELETE FROM stamp_day");
                        PreparedStatement b = c.prepareStatement("DELETE FROM stamp_rollup")) {
                    a.executeUpdate();
                    b.executeUpdate();
                }
                if ("forget".equals(rollup)) {
                    resp.setStatus(204);
                    return;
                }
                LocalDate closed = vn.temso.platform.time.FarmTime.dateOf(
                                clock.instant().minusSeconds(120))
                        .minusDays(1);
                LocalDate first =
                        days.firstDay().filter(d -> d.isBefore(closed)).orElse(closed);
                for (LocalDate d = first; !d.isAfter(closed); d = d.plusDays(1)) {
                    days.rollUp(d);
                }
                resp.getWriter().write(String.valueOf(days.doneThrough().orElseThrow()));
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scan (id, stamp_id, scanned_at, client_hash,"
                    + " network_hash) VALUES (?, ?, ?, 'probe', 'probe')")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, req.getParameter("stamp"));
                ps.setTimestamp(3, Timestamp.from(Instant.parse(req.getParameter("at"))));
                ps.executeUpdate();
            }
            resp.setStatus(204);
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        StampDays.Scope scope = new StampDays.Scope("p.id = :pid", Map.of("pid", req.getParameter("product")));
        LocalDate from = LocalDate.parse(req.getParameter("from"));
        LocalDate to = LocalDate.parse(req.getParameter("to"));
        JsonArrayBuilder perDay = Json.createArrayBuilder();
        days.perDay(from, to, scope)
                .forEach(d -> perDay.add(Json.createObjectBuilder()
                        .add("day", d.day().toString())
                        .add("issued", d.issued())
                        .add("scans", d.scans())
                        .add("firstScans", d.firstScans())));
        JsonArrayBuilder perProduct = Json.createArrayBuilder();
        days.perProduct(from, to, scope)
                .forEach(p -> perProduct.add(Json.createObjectBuilder()
                        .add("product", p.productId())
                        .add("issued", p.issued())
                        .add("scans", p.scans())
                        .add("firstScans", p.firstScans())));
        resp.setContentType("application/json");
        resp.getWriter()
                .write(Json.createObjectBuilder()
                        .add(
                                "doneThrough",
                                days.doneThrough().map(LocalDate::toString).orElse(""))
                        .add("perDay", perDay)
                        .add("perProduct", perProduct)
                        .build()
                        .toString());
    }
}
