package vn.temso.epcis.boundary;

import jakarta.ws.rs.core.Response;

/** The headers the EPCIS 2.0 REST binding puts on every answer. */
final class EpcisHeaders {

    static final String JSON = "application/json; charset=UTF-8";

    private EpcisHeaders() {}

    static Response.ResponseBuilder on(Response.ResponseBuilder r) {
        return r.header("GS1-EPCIS-Version", "2.0.0")
                .header("GS1-CBV-Version", "2.0.0")
                .header("GS1-EPCIS-Capture-Error-Behaviour", "rollback");
    }
}
