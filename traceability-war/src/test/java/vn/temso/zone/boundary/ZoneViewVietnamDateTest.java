package vn.temso.zone.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.platform.time.FarmTime;
import vn.temso.zone.entity.Certification;
import vn.temso.zone.entity.MaterialZone;

/** A zone certificate valid until D is valid at 23:30 in Vietnam on D and not at 00:30 on D + 1 (17:30 UTC on D). */
class ZoneViewVietnamDateTest {

    static final LocalDate D = LocalDate.of(2027, 3, 15);

    private static boolean validAt(String utc) {
        MaterialZone z = new MaterialZone(
                new Cooperative("HTX", CooperativeKind.COOPERATIVE, null, Instant.now()),
                "VN-LAN-TT-0012",
                Instant.now());
        z.certify(List.of(new Certification("VietGAP", "VG-01", D)));
        LocalDate today = FarmTime.today(Clock.fixed(Instant.parse(utc), ZoneOffset.UTC));
        return ZoneView.brief(z, today).certifications().get(0).valid();
    }

    @Test
    void shouldJudgeCertificationValidityOnTheVietnamDate() {
        assertTrue(validAt("2027-03-15T16:30:00Z"), "23:30 in Vietnam on the last day");
        assertFalse(validAt("2027-03-15T17:30:00Z"), "00:30 in Vietnam the next day");
    }
}
