package vn.temso.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.temso.platform.problem.ProblemException;
import vn.temso.printing.control.LabelTemplates;

/**
 * The calibration PDF of the template chosen on the print page (a preset's name or a custom template's id), for
 * the signed-in user (UiFilter checks sign-in; LabelTemplates checks who may print).
 */
@WebServlet(urlPatterns = "/app/print-calibration")
public class PrintCalibrationServlet extends HttpServlet {

    @Inject
    LabelTemplates templates;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] pdf;
        try {
            pdf = LabelTemplates.calibrationPdf(templates.calibrationSheet(req.getParameter("template"), null), null);
        } catch (ProblemException e) {
            // 400: a saved template that breaks the printers' limits is never drawn
            resp.sendError(e.status() == 403 || e.status() == 400 ? e.status() : 404);
            return;
        }
        resp.setContentType("application/pdf");
        resp.setHeader("Content-Disposition", "inline; filename=\"calibration.pdf\"");
        resp.setContentLength(pdf.length);
        resp.getOutputStream().write(pdf);
    }
}
