package vn.temso.product.boundary;

import java.time.Instant;
import java.time.LocalDate;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.OcopGroup;
import vn.temso.product.entity.OcopLevel;
import vn.temso.product.entity.Product;

public record ProductView(
        String id,
        String cooperativeId,
        String cooperativeName,
        String gtin,
        String name,
        String description,
        String category,
        String unit,
        Long priceVnd,
        String imageUrl,
        OcopView ocop,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public enum OcopStatus {
        ACTIVE,
        EXPIRED,
        NOT_YET_VALID
    }

    public record OcopView(
            int stars,
            OcopGroup group,
            Integer score,
            String decisionNumber,
            LocalDate decisionDate,
            OcopLevel level,
            String authority,
            LocalDate validUntil,
            OcopStatus status) {
        static OcopView of(OcopCertificate c, LocalDate today) {
            OcopStatus status = today.isBefore(c.getDecisionDate())
                    ? OcopStatus.NOT_YET_VALID
                    : c.isActiveOn(today) ? OcopStatus.ACTIVE : OcopStatus.EXPIRED;
            return new OcopView(
                    c.getStars(),
                    c.getProductGroup(),
                    c.getScore(),
                    c.getDecisionNumber(),
                    c.getDecisionDate(),
                    c.getLevel(),
                    c.getAuthority(),
                    c.getValidUntil(),
                    status);
        }
    }

    /** @param today the Vietnam date ({@code FarmTime.today(clock)}) the OCOP status is judged on */
    public static ProductView of(Product p, LocalDate today) {
        return new ProductView(
                p.getId(),
                p.getCooperative().getId(),
                p.getCooperative().getName(),
                p.getGtin(),
                p.getName(),
                p.getDescription(),
                p.getCategory(),
                p.getUnit(),
                p.getPriceVnd(),
                p.getImageUrl(),
                p.ocop() == null ? null : OcopView.of(p.ocop(), today),
                p.getCreatedAt(),
                p.getUpdatedAt(),
                p.getVersion());
    }
}
