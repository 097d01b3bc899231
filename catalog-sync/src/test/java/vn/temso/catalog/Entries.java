package vn.temso.catalog;

import java.time.Instant;
import java.time.LocalDate;
import vn.temso.catalog.model.Availability;
import vn.temso.catalog.model.CatalogEntry;

/** Test fixtures: realistic OCOP products, including the awkward characters feeds must survive. */
public final class Entries {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    /** A valid GTIN-14 with Vietnam's GS1 prefix 893 (check digit 4). */
    public static final String GTIN_RICE = "08935049500124";

    public static final String GTIN_COCONUT = "04006381333931";

    private Entries() {}

    public static CatalogEntry.Builder rice() {
        return CatalogEntry.builder("ST25-5KG")
                .title("Gạo thơm ST25 – Hợp tác xã Tân Trụ Xanh")
                .description(
                        "Gạo ST25 túi 5 kg, trồng theo VietGAP.\nVụ Đông Xuân, \"gạo ngon nhất thế giới\" 2019, <&> đủ cả")
                .link("https://temso.vn/p/st25-5kg")
                .imageLink("https://temso.vn/img/st25-5kg.jpg")
                .availability(Availability.IN_STOCK)
                .priceVnd(185000)
                .brand("HTX Tân Trụ Xanh")
                .gtin(GTIN_RICE)
                .ocop(4, LocalDate.of(2027, 3, 31))
                .category("Thực phẩm > Gạo")
                .updatedAt(Instant.parse("2026-11-20T03:00:00Z"));
    }

    public static CatalogEntry.Builder coconut() {
        return CatalogEntry.builder("DUA-SAP-CK")
                .title("Dừa sáp Cầu Kè")
                .description("Dừa sáp, loại 1, giao trong ngày, bảo quản mát")
                .link("https://temso.vn/p/dua-sap-cau-ke")
                .imageLink("https://temso.vn/img/dua-sap.jpg")
                .availability(Availability.OUT_OF_STOCK)
                .priceVnd(15000)
                .brand("HTX Dừa sáp Cầu Kè, Trà Vinh")
                .gtin(GTIN_COCONUT)
                .ocop(3, LocalDate.of(2026, 11, 21)) // lapsed yesterday
                .category("Thực phẩm > Trái cây");
    }

    /** A product whose fields try spreadsheet formula injection. */
    public static CatalogEntry.Builder formula() {
        return CatalogEntry.builder("=1+1")
                .title("=HYPERLINK(\"http://evil.example\",\"bấm vào\")")
                .description("-2+3, @SUM(A1:A2)")
                .link("https://temso.vn/p/x")
                .imageLink("https://temso.vn/img/x.jpg")
                .priceVnd(1000)
                .brand("+HTX");
    }

    public static CatalogEntry.Builder plain(int i) {
        return CatalogEntry.builder("SP-" + i)
                .title("Sản phẩm " + i)
                .description("Mô tả " + i)
                .link("https://temso.vn/p/" + i)
                .imageLink("https://temso.vn/img/" + i + ".jpg")
                .priceVnd(10000 + i)
                .brand("HTX Mẫu");
    }
}
