package vn.temso.cooperative.control;

import vn.temso.cooperative.entity.CooperativeKind;

/**
 * Create or replace a cooperative's details. Owned by the control layer; the API's {@code CooperativeRequest} and
 * the admin page map to it. {@code catalogConsent} null keeps the current consent (a client that does not know the
 * field never withdraws it).
 */
public record CooperativeCommand(
        String name,
        CooperativeKind kind,
        String taxId,
        String gln,
        String address,
        String commune,
        String district,
        String province,
        String phone,
        String email,
        String representative,
        Boolean catalogConsent) {

    /** Without a word on the catalogue consent: it stays as it is. */
    public CooperativeCommand(
            String name,
            CooperativeKind kind,
            String taxId,
            String gln,
            String address,
            String commune,
            String district,
            String province,
            String phone,
            String email,
            String representative) {
        this(name, kind, taxId, gln, address, commune, district, province, phone, email, representative, null);
    }
}
