package vn.temso.zone.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.logging.Logger;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import vn.temso.zone.entity.GeometryException;
import vn.temso.zone.entity.ZoneGeometry;

/**
 * Changelog 011: gives every zone stored before it its display outline and SVG path, in the migration (once, under
 * Liquibase's lock, the same on Derby and PostgreSQL) rather than on a read. Outlines are read leniently (the rules
 * of their day allowed 20,000 positions per polygon); one that cannot be read keeps empty display columns and is
 * drawn from the outline on demand. The zone's version is not touched: nothing a user changed.
 */
public class DisplayOutlineBackfill implements CustomTaskChange {

    private static final Logger LOG = Logger.getLogger(DisplayOutlineBackfill.class.getName());
    private int filled;
    private int unreadable;

    @Override
    public void execute(Database database) throws CustomChangeException {
        try {
            Connection c = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, geometry FROM material_zone"
                            + " WHERE geometry IS NOT NULL AND outline_svg IS NULL");
                    PreparedStatement u = c.prepareStatement(
                            "UPDATE material_zone SET display_geometry = ?, outline_svg = ? WHERE id = ?")) {
                while (rs.next()) {
                    ZoneGeometry display;
                    try {
                        display = ZoneGeometry.stored(rs.getString(2)).display();
                    } catch (GeometryException | IllegalArgumentException e) {
                        unreadable++;
                        continue;
                    }
                    u.setString(1, display.toGeoJson());
                    u.setString(2, display.svgPath());
                    u.setString(3, rs.getString(1));
                    u.executeUpdate();
                    filled++;
                }
            }
            LOG.info(getConfirmationMessage());
        } catch (Exception e) {
            throw new CustomChangeException("filling zone display outlines failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String getConfirmationMessage() {
        return "Zone display outlines: " + filled + " filled, " + unreadable + " left to draw on demand";
    }

    @Override
    public void setUp() {}

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {}

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
