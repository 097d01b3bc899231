package vn.temso.partner.boundary;

import java.util.regex.Pattern;
import vn.temso.partner.control.Partners;

/**
 * How a request presents a partner key, and where one is accepted: the EPCIS interface ({@code /epcis/...},
 * {@code /api/epcis/...}) and a lot's EPCIS document ({@code /api/batches/{id}/epcis}); nowhere else.
 */
final class PartnerKeys {

    static final String HEADER = "X-API-Key";

    static final String REFUSED_HERE =
            "A partner key is accepted only on the EPCIS interface (/epcis/events, /epcis/capture and a lot's"
                    + " /api/batches/{id}/epcis)";

    private static final Pattern EPCIS_PATHS = Pattern.compile("/(api/)?epcis(/.*)?|/api/batches/[^/]+/epcis/?");

    private PartnerKeys() {}

    /**
     * @return the partner key of a request: the {@value #HEADER} header, or a bearer token that starts with
     *     {@value Partners#KEY_PREFIX}; null when the request presents none (a session token is not one)
     */
    static String presented(String authorization, String apiKey) {
        if (apiKey != null) {
            return apiKey.strip();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            if (token.startsWith(Partners.KEY_PREFIX)) {
                return token;
            }
        }
        return null;
    }

    /** Whether a partner key is accepted at this path (decoded, from the context root, e.g. /api/epcis/events). */
    static boolean acceptedAt(String path) {
        return path != null && EPCIS_PATHS.matcher(path).matches();
    }
}
