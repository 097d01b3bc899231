package vn.temso.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.temso.platform.files.FileStore;
import vn.temso.platform.files.StoredFile;
import vn.temso.product.control.ProductImages;

/** Serves uploaded product images (public: they appear on trace pages) from the file store. */
@WebServlet(urlPatterns = "/images/*")
public class ImageServlet extends HttpServlet {

    @Inject
    ProductImages images;

    @Inject
    FileStore files;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        StoredFile file = name.matches("[0-9a-f-]{36}") ? images.find(name).orElse(null) : null;
        if (file == null) {
            resp.sendError(404);
            return;
        }
        resp.setContentType(file.contentType());
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.setContentLengthLong(file.size());
        files.copy(file, resp.getOutputStream());
    }
}
