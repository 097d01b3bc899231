package vn.temso.partner.boundary;

import java.time.Instant;
import vn.temso.partner.entity.Partner;
import vn.temso.partner.entity.PartnerKind;

/**
 * A partner as the API shows it: never its key, except {@code key} in the answer that issues it (the only time
 * anyone sees it; absent everywhere else). {@code keyHint} is the key's first characters.
 */
public record PartnerView(
        String id,
        String cooperativeId,
        String cooperativeName,
        String name,
        PartnerKind kind,
        String gln,
        String keyHint,
        boolean active,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        String revokedBy,
        String key) {

    static PartnerView of(Partner p) {
        return of(p, null);
    }

    static PartnerView of(Partner p, String key) {
        return new PartnerView(
                p.getId(),
                p.getCooperative().getId(),
                p.getCooperative().getName(),
                p.getName(),
                p.getKind(),
                p.getGln(),
                p.getKeyHint(),
                p.isActive(),
                p.getCreatedAt(),
                p.getCreatedBy(),
                p.getRevokedAt(),
                p.getRevokedBy(),
                key);
    }
}
