package vn.temso.partner.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import vn.temso.partner.control.Partners;
import vn.temso.platform.problem.ProblemBody;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.CurrentCaller;

/**
 * Authenticates a partner's API key on the API, before the session-token filter: on the EPCIS paths a valid key
 * becomes the current caller and an unknown or revoked one is 401; anywhere else a key is 403, valid or not (and is
 * not even looked up). The key is never logged.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 10)
public class PartnerKeyFilter implements ContainerRequestFilter {

    @Inject
    Partners partners;

    @Inject
    CurrentCaller current;

    @Override
    public void filter(ContainerRequestContext request) {
        String key = PartnerKeys.presented(
                request.getHeaderString(HttpHeaders.AUTHORIZATION), request.getHeaderString(PartnerKeys.HEADER));
        if (key == null) {
            return;
        }
        if (!PartnerKeys.acceptedAt("/api/" + request.getUriInfo().getPath())) {
            request.abortWith(ProblemBody.of(new Problems.Forbidden(PartnerKeys.REFUSED_HERE)));
            return;
        }
        partners.authenticate(key)
                .ifPresentOrElse(
                        current::set,
                        () -> request.abortWith(ProblemBody.of(new Problems.Unauthenticated(
                                "The partner key is unknown or was revoked; ask the cooperative for a new one"))));
    }
}
