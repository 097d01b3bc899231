package vn.temso.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.temso.platform.files.StoredFile;
import vn.temso.platform.web.ConditionalGet;
import vn.temso.product.control.ProductImages;

/**
 * Serves uploaded product images (public: they appear on trace pages) from the file store, with the content's
 * SHA-256 as a strong ETag (304 on If-None-Match), the same from every instance.
 */
@WebServlet(urlPatterns = "/images/*")
public class ImageServlet extends HttpServlet {

    @Inject
    ProductImages images;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        StoredFile file = name.matches("[0-9a-f-]{36}") ? images.find(name).orElse(null) : null;
        if (file == null) {
            resp.sendError(404);
            return;
        }
        String etag = "\"" + file.sha256() + "\"";
        resp.setContentType(file.contentType());
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.setHeader("ETag", etag);
        if (ConditionalGet.notModified(req, etag, file.created().toEpochMilli())) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setDateHeader("Last-Modified", file.created().toEpochMilli());
        byte[] bytes = images.bytes(file);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
