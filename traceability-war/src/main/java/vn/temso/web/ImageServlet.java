package vn.temso.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.temso.platform.persistence.DerbyLifecycle;

/** Serves uploaded product images (public: they appear on trace pages) from the data directory. */
@WebServlet(urlPatterns = "/images/*")
public class ImageServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        if (!name.matches("[0-9a-f-]{36}")) {
            resp.sendError(404);
            return;
        }
        Path dir = DerbyLifecycle.dataDirectory().resolve("images");
        Path file = dir.resolve(name);
        Path type = dir.resolve(name + ".type");
        if (!Files.isRegularFile(file) || !Files.isRegularFile(type)) {
            resp.sendError(404);
            return;
        }
        resp.setContentType(Files.readString(type).trim());
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.setContentLengthLong(Files.size(file));
        Files.copy(file, resp.getOutputStream());
    }
}
