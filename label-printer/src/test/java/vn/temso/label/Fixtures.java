package vn.temso.label;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.temso.label.item.LabelItem;

/** Realistic label items: ~150-character signed stamp URLs and Vietnamese names. */
public final class Fixtures {

    public static final String[] NAMES = {
        "Gạo thơm ST25 Hợp tác xã Tân Trụ Xanh",
        "Dừa sáp Cầu Kè",
        "Bưởi da xanh Bến Tre",
        "Xoài cát Hòa Lộc",
        "Cà phê Robusta Đắk Lắk rang mộc",
        "Mật ong hoa nhãn Hưng Yên",
    };
    public static final String[] COOPS = {
        "Hợp tác xã Tân Trụ Xanh", "HTX Nông nghiệp Cầu Kè", "Hợp tác xã Dịch vụ Nông nghiệp Chợ Lách",
    };

    private Fixtures() {}

    /** A stamp URL of ~150 characters; differs per index. */
    public static String stampUrl(int i) {
        String serial = String.format(Locale.ROOT, "K7Q%06dXP", i);
        // stands in for an Ed25519 signature in base64url (86 chars), cut to keep the URL near 150 chars
        String sig =
                ("MEUCIQDx7rT3kq9Vb2Lw8yZp0sNfHj4aGcE1mRtUoXiYvBzQdA_iB-9sKq2WnVfLxPjYhRtZcM" + i).substring(0, 72);
        return "https://temso.example.vn/01/08935123456784/10/LA2611A/21/" + serial + "?8030=" + sig;
    }

    public static LabelItem item(int i) {
        return new LabelItem(
                stampUrl(i),
                NAMES[i % NAMES.length],
                "LA26" + (11 + i % 80) + "A",
                "VN-LA-" + String.format(Locale.ROOT, "%04d", 100 + i % 37),
                LocalDate.of(2026, 1, 1 + i % 28),
                i % 2 == 0 ? LocalDate.of(2026, 12, 1 + i % 28) : null,
                (1 + i % 5) + " kg",
                COOPS[i % COOPS.length],
                i % 4 == 0 ? 0 : 3 + i % 3);
    }

    public static List<LabelItem> items(int count) {
        List<LabelItem> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(item(i));
        }
        return list;
    }

    public static LabelItem withName(LabelItem base, String name) {
        return new LabelItem(
                base.qrPayload(),
                name,
                base.lot(),
                base.zoneCode(),
                base.harvestDate(),
                base.expiry(),
                base.netQuantity(),
                base.cooperativeName(),
                base.ocopStars());
    }
}
