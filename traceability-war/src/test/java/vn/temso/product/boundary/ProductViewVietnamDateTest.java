package vn.temso.product.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.OcopLevel;
import vn.temso.product.entity.Product;

/** The OCOP status shown to staff lapses at midnight in Vietnam, not at midnight UTC. */
class ProductViewVietnamDateTest {

    static final LocalDate D = LocalDate.of(2027, 3, 15);

    private static ProductView.OcopStatus statusAt(String utc) {
        Product p = new Product(
                new Cooperative("HTX", CooperativeKind.COOPERATIVE, null, Instant.now()),
                "08931234500016",
                Instant.now());
        p.certifyOcop(
                new OcopCertificate(
                        4,
                        null,
                        null,
                        "1234/QĐ-UBND",
                        LocalDate.of(2024, 3, 15),
                        OcopLevel.PROVINCE,
                        "UBND tỉnh Long An",
                        D),
                Instant.now());
        return ProductView.of(p, FarmTime.today(Clock.fixed(Instant.parse(utc), ZoneOffset.UTC)))
                .ocop()
                .status();
    }

    @Test
    void shouldJudgeTheOcopStatusOnTheVietnamDate() {
        assertEquals(
                ProductView.OcopStatus.ACTIVE, statusAt("2027-03-15T16:30:00Z"), "23:30 in Vietnam on the last day");
        assertEquals(ProductView.OcopStatus.EXPIRED, statusAt("2027-03-15T17:30:00Z"), "00:30 in Vietnam the next day");
    }
}
