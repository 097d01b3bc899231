package vn.temso.account.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import vn.temso.account.control.Accounts;
import vn.temso.account.control.UserRefusals;
import vn.temso.platform.problem.ProblemBody;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.CurrentCaller;

/**
 * Resolves the bearer token of every API request into the current caller. Requests without a token pass
 * through as anonymous (the use cases refuse them); a token that is present but invalid is refused here.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    /** What a session opened with a temporary password may do: change it, see who it is, sign out. */
    static final Set<String> ALLOWED_BEFORE_CHANGE = Set.of("auth/password", "auth/me", "auth/logout");

    @Inject
    Accounts accounts;

    @Inject
    CurrentCaller current;

    @Override
    public void filter(ContainerRequestContext request) {
        if (current.get().isPresent()) {
            return; // an earlier filter authenticated the request by another scheme (a partner's API key)
        }
        String token = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return;
        }
        accounts.session(token)
                .ifPresentOrElse(
                        s -> {
                            current.set(s.caller());
                            if (s.mustChangePassword() && !ALLOWED_BEFORE_CHANGE.contains(path(request))) {
                                request.abortWith(ProblemBody.of(new UserRefusals.PasswordChangeRequired()));
                            }
                        },
                        () -> request.abortWith(ProblemBody.of(new Problems.Unauthenticated(
                                "The session token is invalid or has expired; sign in again"))));
    }

    private static String path(ContainerRequestContext request) {
        String p = request.getUriInfo().getPath();
        return p.startsWith("/") ? p.substring(1) : p;
    }

    static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String t = header.substring(7).trim();
        return t.isEmpty() ? null : t;
    }
}
