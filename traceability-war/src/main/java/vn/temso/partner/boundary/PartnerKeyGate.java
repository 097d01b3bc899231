package vn.temso.partner.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.temso.platform.problem.ProblemBody;
import vn.temso.platform.problem.Problems;

/**
 * Refuses a partner key (403) on every path outside the EPCIS interface, including pages, feeds and files that do
 * not read bearer tokens at all, so a key never gets a response it was not meant for. On the API the same rule is
 * applied again by {@link PartnerKeyFilter}, which also authenticates the key.
 */
@WebFilter(filterName = "PartnerKeyGate") // mapped to /* in web.xml, first of all filters
public class PartnerKeyGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String key = PartnerKeys.presented(req.getHeader("Authorization"), req.getHeader(PartnerKeys.HEADER));
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        if (key != null && !PartnerKeys.acceptedAt(path)) {
            Problems.Forbidden refused = new Problems.Forbidden(PartnerKeys.REFUSED_HERE);
            byte[] body = ProblemBody.json(
                            refused.status(), refused.type(), refused.title(), refused.getMessage(), List.of(), null)
                    .getBytes(StandardCharsets.UTF_8);
            res.setStatus(refused.status());
            res.setContentType(ProblemBody.PROBLEM_JSON.toString());
            res.getOutputStream().write(body);
            return;
        }
        chain.doFilter(req, res);
    }
}
