package vn.temso.account.boundary;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.UUID;
import vn.temso.account.control.LoginThrottles;
import vn.temso.platform.problem.ProblemBody;
import vn.temso.platform.security.ClientAddress;

/**
 * Answers sign-ins from an address that has spent its failure budget with 429 before the request is parsed,
 * validated or dispatched: under a flood from one address each refusal costs a fraction of what the JAX-RS path
 * costs, so the requests of other users get the CPU. The same refusal as {@code LoginThrottles.admit} gives (which
 * still checks every request that gets past this filter, e.g. from the web sign-in page).
 */
@WebFilter(urlPatterns = "/api/auth/login")
public class SignInFloodFilter extends HttpFilter {

    @Inject
    LoginThrottles throttles;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(req.getMethod())) {
            OptionalLong wait = throttles.overBudget(ClientAddress.of(req));
            if (wait.isPresent()) {
                String body = JSON.createObjectBuilder()
                        .add("type", ProblemBody.BASE_TYPE + "too-many-requests")
                        .add("title", "Too many requests")
                        .add("status", 429)
                        .add(
                                "detail",
                                "Too many failed sign-ins from your address; try again in " + wait.getAsLong() + " s")
                        .add("instance", "urn:uuid:" + UUID.randomUUID())
                        .build()
                        .toString();
                res.setStatus(429);
                res.setHeader("Retry-After", String.valueOf(wait.getAsLong()));
                res.setContentType("application/problem+json");
                res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
