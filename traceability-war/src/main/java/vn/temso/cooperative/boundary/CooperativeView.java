package vn.temso.cooperative.boundary;

import java.time.Instant;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;

public record CooperativeView(
        String id,
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
        boolean catalogConsent,
        Instant createdAt,
        int version) {

    public static CooperativeView of(Cooperative c) {
        return new CooperativeView(
                c.getId(),
                c.getName(),
                c.getKind(),
                c.getTaxId(),
                c.getGln(),
                c.getAddress(),
                c.getCommune(),
                c.getDistrict(),
                c.getProvince(),
                c.getPhone(),
                c.getEmail(),
                c.getRepresentative(),
                c.isCatalogConsent(),
                c.getCreatedAt(),
                c.getVersion());
    }
}
