package vn.temso.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.temso.batch.control.EntryPhotos;

/**
 * The photos of diary stages on trace pages ({@code /diary-photos/<id>}): public only once a batch took the entry,
 * stored without location metadata; any other id is a 404.
 */
@WebServlet(urlPatterns = "/diary-photos/*")
public class DiaryPhotoServlet extends HttpServlet {

    @Inject
    EntryPhotos photos;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        byte[] jpeg = id.matches("[0-9a-f-]{36}") ? photos.publicJpeg(id).orElse(null) : null;
        if (jpeg == null) {
            resp.sendError(404);
            return;
        }
        resp.setContentType("image/jpeg");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.setContentLengthLong(jpeg.length);
        resp.getOutputStream().write(jpeg);
    }
}
