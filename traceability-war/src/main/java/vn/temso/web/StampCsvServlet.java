package vn.temso.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.Problems;
import vn.temso.stamping.boundary.StampCsv;
import vn.temso.stamping.control.Stamps;

/**
 * The stamp list of a batch as CSV for the signed-in user (the page's download link; UiFilter checks sign-in). Same
 * rule as the API: only those who may hold signed URLs (403 for members, 404 for a batch the user cannot see).
 */
@WebServlet(urlPatterns = "/app/stamps.csv")
public class StampCsvServlet extends HttpServlet {

    @Inject
    Stamps stamps;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            var rows = stamps.export(req.getParameter("batch"));
            resp.setContentType("text/csv; charset=UTF-8");
            resp.setHeader("Content-Disposition", "attachment; filename=\"stamps.csv\"");
            StampCsv.write(rows, resp.getOutputStream());
        } catch (Problems.Forbidden e) {
            resp.sendError(403);
        } catch (ProblemException e) {
            resp.sendError(404);
        }
    }
}
