package vn.temso.cooperative.control;

import vn.temso.cooperative.entity.CooperativeKind;

/**
 * Create or replace a cooperative's details. Owned by the control layer; the API's {@code CooperativeRequest} and
 * the admin page map to it.
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
        String representative) {}
