package vn.temso.epcis.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The EPCIS interface at {@code /epcis/...}, where partners' tools expect it: forwarded to the JSON API's
 * {@code /api/epcis/...} resources, so both paths answer alike (same filters, problem+json, authentication).
 */
@WebFilter(urlPatterns = "/epcis/*")
public class EpcisPath extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        request.getRequestDispatcher("/api" + path).forward(request, response);
    }
}
