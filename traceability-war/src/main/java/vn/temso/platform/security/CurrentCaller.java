package vn.temso.platform.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import vn.temso.platform.problem.Problems;

/** Holds the caller of the current request, set by the authentication filter. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    public void set(Caller caller) {
        this.caller = caller;
    }

    public Optional<Caller> get() {
        return Optional.ofNullable(caller);
    }

    public Caller require() {
        if (caller == null) {
            throw new Problems.Unauthenticated(
                    "Sign in first: send 'Authorization: Bearer <token>' from POST /api/auth/login");
        }
        return caller;
    }

    public Caller requireRole(Role... roles) {
        Caller c = require();
        if (!c.is(roles)) {
            throw new Problems.Forbidden("Your role (" + c.role() + ") may not do this");
        }
        return c;
    }
}
