package vn.temso.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import vn.temso.platform.files.FileStore;
import vn.temso.platform.files.StoredFile;

/**
 * Added to the test deployment only (never in the built WAR): lets the black-box scenarios look into the database
 * file store. {@code GET /it/files?key=K} describes the stored file and its chunk rows, {@code GET ...&content=1}
 * streams it, {@code PUT} stores the body, {@code DELETE} deletes it (as the print retention would).
 */
@WebServlet(urlPatterns = "/it/files")
public class FileStoreProbe extends HttpServlet {

    @Inject
    FileStore files;

    @Resource(lookup = "java:app/jdbc/temso")
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        StoredFile f = files.find(req.getParameter("key")).orElse(null);
        if (f == null) {
            resp.sendError(404);
            return;
        }
        if (req.getParameter("content") != null) {
            resp.setContentType(f.contentType());
            resp.setContentLengthLong(f.size());
            files.copy(f, resp.getOutputStream());
            return;
        }
        int chunks;
        int largest;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*), MAX(LENGTH(chunk)) FROM stored_file_chunk" + " WHERE blob_id = ?")) {
            s.setString(1, f.version());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                chunks = r.getInt(1);
                largest = r.getInt(2);
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
        resp.setContentType("application/json");
        resp.getWriter()
                .write("{\"key\":\"" + f.key() + "\",\"contentType\":\"" + f.contentType() + "\",\"size\":"
                        + f.size() + ",\"sha256\":\"" + f.sha256() + "\",\"created\":\"" + f.created()
                        + "\",\"chunks\":"
                        + chunks + ",\"largestChunk\":" + largest + "}");
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try (InputStream in = req.getInputStream()) {
            files.put(req.getParameter("key"), req.getContentType(), in);
        }
        resp.setStatus(204);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
        resp.setStatus(files.delete(req.getParameter("key")) ? 204 : 404);
    }
}
