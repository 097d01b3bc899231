package vn.temso.product.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import vn.temso.platform.domain.InvalidField;
import vn.temso.platform.text.Texts;

/**
 * An OCOP rating (Decision 148/QĐ-TTg, amended by 1489/QĐ-TTg): 3 to 5 stars, valid 36 months from the
 * decision unless the decision says otherwise. Feeds and trace pages claim OCOP only while it is active.
 */
@Embeddable
public class OcopCertificate {

    public static final int VALIDITY_MONTHS = 36;

    @Column(name = "ocop_stars")
    private Integer stars;

    @Enumerated(EnumType.STRING)
    @Column(name = "ocop_group")
    private OcopGroup productGroup;

    @Column(name = "ocop_score")
    private Integer score;

    @Column(name = "ocop_decision_number")
    private String decisionNumber;

    @Column(name = "ocop_decision_date")
    private LocalDate decisionDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "ocop_level")
    private OcopLevel level;

    @Column(name = "ocop_authority")
    private String authority;

    @Column(name = "ocop_valid_until")
    private LocalDate validUntil;

    protected OcopCertificate() {}

    public OcopCertificate(
            int stars,
            OcopGroup group,
            Integer score,
            String decisionNumber,
            LocalDate decisionDate,
            OcopLevel level,
            String authority,
            LocalDate validUntil) {
        if (stars < 3 || stars > 5) {
            throw new InvalidField("ocop", "OCOP certifies 3 to 5 stars");
        }
        if (score != null && (score < 0 || score > 100)) {
            throw new InvalidField("ocop", "the OCOP score is 0 to 100");
        }
        if (score != null && starsFor(score) != stars) {
            throw new InvalidField(
                    "ocop", "a score of " + score + " gives " + starsFor(score) + " stars, not " + stars);
        }
        if (decisionDate == null) {
            throw new InvalidField("ocop", "the decision date is required");
        }
        if (validUntil != null && validUntil.isBefore(decisionDate)) {
            throw new InvalidField("ocop", "validUntil is before the decision date");
        }
        this.stars = stars;
        this.productGroup = group;
        this.score = score;
        this.decisionNumber = Texts.clean(decisionNumber);
        this.decisionDate = decisionDate;
        this.level = level;
        this.authority = Texts.clean(authority);
        this.validUntil = validUntil != null ? validUntil : decisionDate.plusMonths(VALIDITY_MONTHS);
    }

    /** Stars for a score: 3 for 50-69, 4 for 70-89, 5 for 90-100, none below 50. */
    public static int starsFor(int score) {
        return score >= 90 ? 5 : score >= 70 ? 4 : score >= 50 ? 3 : 0;
    }

    public boolean isActiveOn(LocalDate day) {
        return isActiveOn(stars, decisionDate, validUntil, day);
    }

    /** The same rule on the columns alone (the area catalogue reads them as flat rows, not entities). */
    public static boolean isActiveOn(Integer stars, LocalDate decisionDate, LocalDate validUntil, LocalDate day) {
        return stars != null && !day.isBefore(decisionDate) && !day.isAfter(validUntil);
    }

    public boolean isPresent() {
        return stars != null;
    }

    public Integer getStars() {
        return stars;
    }

    public OcopGroup getProductGroup() {
        return productGroup;
    }

    public Integer getScore() {
        return score;
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public OcopLevel getLevel() {
        return level;
    }

    public String getAuthority() {
        return authority;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }
}
