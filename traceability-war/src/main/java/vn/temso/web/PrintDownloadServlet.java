package vn.temso.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.temso.platform.files.FileStore;
import vn.temso.platform.problem.ProblemException;
import vn.temso.printing.control.PrintJobs;

/** Downloads a finished print job's PDF or ZPL for the signed-in user (UiFilter checks sign-in). */
@WebServlet(urlPatterns = "/app/print-download")
public class PrintDownloadServlet extends HttpServlet {

    @Inject
    PrintJobs printJobs;

    @Inject
    FileStore files;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            PrintJobs.Download d = printJobs.download(req.getParameter("job"));
            resp.setContentType(d.mediaType());
            resp.setHeader("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"");
            resp.setContentLengthLong(d.file().size());
            files.copy(d.file(), resp.getOutputStream());
        } catch (ProblemException e) {
            resp.sendError(e.status() == 409 ? 409 : 404);
        }
    }
}
