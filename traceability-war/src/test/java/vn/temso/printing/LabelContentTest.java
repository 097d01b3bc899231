package vn.temso.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.temso.batch.entity.Batch;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.platform.problem.Problems;
import vn.temso.printing.control.LabelContent;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.OcopGroup;
import vn.temso.product.entity.OcopLevel;
import vn.temso.product.entity.Product;
import vn.temso.zone.entity.MaterialZone;

class LabelContentTest {

    private static Batch batch(OcopCertificate ocop, String productUnit, LocalDate harvest) {
        Cooperative coop = new Cooperative(
                "Hợp tác xã Nông nghiệp Tân Trụ Xanh", CooperativeKind.COOPERATIVE, null, Instant.now());
        Product p = new Product(coop, "08931234500993", Instant.now());
        p.describe("Gạo thơm ST25", null, "Gạo", productUnit, 79000L, null, Instant.now());
        if (ocop != null) {
            p.certifyOcop(ocop, Instant.now());
        }
        Batch b = new Batch(
                p,
                "TT2611-A",
                Set.of(
                        new MaterialZone(coop, "VN-LAN-TT-0099", Instant.now()),
                        new MaterialZone(coop, "VN-LAN-TT-0042", Instant.now())),
                Instant.now());
        b.record(harvest, harvest == null ? null : harvest.plusMonths(12), new BigDecimal("1200"), "kg");
        return b;
    }

    private static OcopCertificate fourStars(LocalDate decided) {
        return new OcopCertificate(
                4, OcopGroup.FOOD, 78, "1234/QĐ-UBND", decided, OcopLevel.PROVINCE, "UBND tỉnh Long An", null);
    }

    @Test
    void shouldPrintTheBatchFactsWithZonesSortedAndTheProductUnitAsNetQuantity() {
        LabelContent c =
                LabelContent.of(batch(null, "túi 2 kg", LocalDate.of(2026, 11, 10)), LocalDate.of(2026, 11, 20));
        assertEquals("Gạo thơm ST25", c.productName());
        assertEquals("TT2611-A", c.lot());
        assertEquals("VN-LAN-TT-0042, VN-LAN-TT-0099", c.zoneCodes());
        assertEquals("túi 2 kg", c.netQuantity());
        assertEquals(LocalDate.of(2027, 11, 10), c.expiry());
        assertEquals("Hợp tác xã Nông nghiệp Tân Trụ Xanh", c.cooperativeName());
        assertEquals(0, c.ocopStars());
    }

    @Test
    void shouldShowOcopStarsOnlyWhileTheCertificateIsActive() {
        Batch b = batch(fourStars(LocalDate.of(2025, 3, 15)), "túi 2 kg", LocalDate.of(2026, 11, 10));
        assertEquals(4, LabelContent.of(b, LocalDate.of(2026, 11, 20)).ocopStars());
        assertEquals(0, LabelContent.of(b, LocalDate.of(2028, 3, 16)).ocopStars(), "expired after 36 months");
    }

    @Test
    void shouldFallBackToTheBatchUnitAndRefuseABatchWithoutHarvestDate() {
        assertEquals(
                "kg",
                LabelContent.of(batch(null, null, LocalDate.of(2026, 11, 10)), LocalDate.now())
                        .netQuantity());
        assertThrows(Problems.RuleViolated.class, () -> LabelContent.of(batch(null, "túi", null), LocalDate.now()));
    }
}
