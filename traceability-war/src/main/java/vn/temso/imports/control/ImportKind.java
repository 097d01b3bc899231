package vn.temso.imports.control;

import static vn.temso.imports.control.Column.opt;
import static vn.temso.imports.control.Column.req;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.temso.platform.problem.Problems;

/** What a sheet holds, with its columns in template order. */
public enum ImportKind {
    ZONES(
            "zones",
            List.of(
                    req(
                            "code",
                            "code",
                            "Mã vùng trồng",
                            "Zone code",
                            "Mã số vùng trồng, ví dụ VN-LAN-TT-0012. Không đổi được sau khi đăng ký; dòng có mã đã có sẽ cập nhật vùng đó.",
                            "Growing-zone code, e.g. VN-LAN-TT-0012. Cannot change once registered; a row with a known code updates that zone."),
                    req("name", "name", "Tên vùng", "Zone name", "Tên vùng trồng.", "Name of the zone."),
                    opt(
                            "address",
                            "address",
                            "Địa chỉ",
                            "Address",
                            "Ấp, thôn (không bắt buộc).",
                            "Hamlet, village (optional)."),
                    opt("commune", "commune", "Xã", "Commune", "Xã, phường.", "Commune or ward."),
                    opt("district", "district", "Huyện", "District", "Huyện, thị xã.", "District."),
                    opt("province", "province", "Tỉnh", "Province", "Tỉnh, thành phố.", "Province."),
                    req(
                            "crop",
                            "crop",
                            "Cây trồng",
                            "Crop",
                            "Ví dụ: Lúa, Thanh long, Chanh.",
                            "E.g. Lúa (rice), Thanh long (dragon fruit)."),
                    opt("variety", "variety", "Giống", "Variety", "Ví dụ: ST25, ruột đỏ.", "E.g. ST25."),
                    req(
                            "area",
                            "declaredAreaHa",
                            "Diện tích (ha)",
                            "Area (ha)",
                            "Diện tích khai báo, héc-ta; dấu phẩy hoặc chấm thập phân đều được (24,5).",
                            "Declared area in hectares; decimal comma or point (24,5 or 24.5)."),
                    opt(
                            "households",
                            "households",
                            "Số hộ",
                            "Households",
                            "Số hộ tham gia (số nguyên).",
                            "Member households (whole number)."),
                    opt(
                            "harvests",
                            "harvestsPerYear",
                            "Số vụ/năm",
                            "Harvests per year",
                            "Số vụ thu hoạch mỗi năm (1 đến 366).",
                            "Harvests per year (1 to 366)."),
                    opt(
                            "certScheme",
                            "certifications",
                            "Chứng nhận",
                            "Certification",
                            "Tên chứng nhận: VietGAP, GlobalGAP, Hữu cơ... Để trống nếu không có.",
                            "Scheme: VietGAP, GlobalGAP, organic... Empty for none."),
                    opt(
                            "certNumber",
                            "certifications",
                            "Số chứng nhận",
                            "Certificate number",
                            "Số giấy chứng nhận (bắt buộc khi có tên chứng nhận).",
                            "Certificate number (required with a scheme)."),
                    opt(
                            "certUntil",
                            "certifications",
                            "Chứng nhận hiệu lực đến",
                            "Certificate valid until",
                            "Ngày dd/mm/yyyy (ví dụ 30/06/2027) hoặc ô ngày của Excel.",
                            "Date as dd/mm/yyyy (e.g. 30/06/2027), ISO or an Excel date cell."))),
    PRODUCTS(
            "products",
            List.of(
                    req(
                            "gtin",
                            "gtin",
                            "Mã GTIN",
                            "GTIN",
                            "Mã vạch sản phẩm GS1 (8, 12, 13 hoặc 14 số). Dòng có GTIN đã có sẽ cập nhật sản phẩm đó.",
                            "GS1 barcode number (8, 12, 13 or 14 digits). A row with a known GTIN updates that product."),
                    req(
                            "name",
                            "name",
                            "Tên sản phẩm",
                            "Product name",
                            "Tên in trên bao bì.",
                            "Name as on the package."),
                    opt("description", "description", "Mô tả", "Description", "Không bắt buộc.", "Optional."),
                    opt("category", "category", "Danh mục", "Category", "Ví dụ: Gạo, Trái cây.", "E.g. Rice, Fruit."),
                    req("unit", "unit", "Đơn vị", "Unit", "Ví dụ: túi 2 kg, hộp 500 g.", "E.g. túi 2 kg (2 kg bag)."),
                    opt("price", "priceVnd", "Giá (đồng)", "Price (VND)", "Số nguyên, đồng.", "Whole VND."),
                    opt(
                            "ocopStars",
                            "ocop",
                            "Số sao OCOP",
                            "OCOP stars",
                            "3, 4 hoặc 5; để trống nếu không có OCOP.",
                            "3, 4 or 5; empty for no OCOP rating."),
                    opt(
                            "ocopGroup",
                            "ocop",
                            "Nhóm OCOP",
                            "OCOP group",
                            "FOOD, BEVERAGE, HERBAL, HANDICRAFT, ORNAMENTAL, TOURISM_SERVICE (không bắt buộc).",
                            "FOOD, BEVERAGE, HERBAL, HANDICRAFT, ORNAMENTAL, TOURISM_SERVICE (optional)."),
                    opt("ocopScore", "ocop", "Điểm OCOP", "OCOP score", "0 đến 100.", "0 to 100."),
                    opt(
                            "ocopDecision",
                            "ocop",
                            "Số quyết định OCOP",
                            "OCOP decision number",
                            "Ví dụ 1234/QĐ-UBND.",
                            "E.g. 1234/QĐ-UBND."),
                    opt(
                            "ocopDate",
                            "ocop",
                            "Ngày quyết định OCOP",
                            "OCOP decision date",
                            "Bắt buộc khi có số sao; dd/mm/yyyy.",
                            "Required with stars; dd/mm/yyyy."),
                    opt(
                            "ocopLevel",
                            "ocop",
                            "Cấp OCOP",
                            "OCOP level",
                            "Tỉnh, Huyện hoặc Trung ương (PROVINCE, DISTRICT, CENTRAL).",
                            "PROVINCE, DISTRICT or CENTRAL (Tỉnh, Huyện, Trung ương)."),
                    opt(
                            "ocopAuthority",
                            "ocop",
                            "Cơ quan cấp OCOP",
                            "OCOP authority",
                            "Ví dụ UBND tỉnh Long An.",
                            "E.g. UBND tỉnh Long An."),
                    opt(
                            "ocopUntil",
                            "ocop",
                            "OCOP hiệu lực đến",
                            "OCOP valid until",
                            "Để trống: 36 tháng sau ngày quyết định.",
                            "Empty: 36 months after the decision date."))),
    BATCHES(
            "batches",
            List.of(
                    req(
                            "gtin",
                            "productId",
                            "Mã GTIN sản phẩm",
                            "Product GTIN",
                            "GTIN của sản phẩm đã đăng ký.",
                            "GTIN of a registered product."),
                    req(
                            "lot",
                            "lotCode",
                            "Mã lô",
                            "Lot code",
                            "Mã lô (tối đa 20 ký tự). Cùng GTIN và mã lô đã có: cập nhật lô đó.",
                            "Lot code (at most 20 characters). A known GTIN and lot updates that batch."),
                    opt(
                            "zones",
                            "zoneIds",
                            "Mã vùng trồng",
                            "Zone codes",
                            "Một hay nhiều mã vùng trồng, cách nhau bởi dấu chấm phẩy (;).",
                            "One or more zone codes separated by semicolons (;)."),
                    req("harvestDate", "harvestDate", "Ngày thu hoạch", "Harvest date", "dd/mm/yyyy.", "dd/mm/yyyy."),
                    opt(
                            "expiryDate",
                            "expiryDate",
                            "Hạn sử dụng",
                            "Expiry date",
                            "dd/mm/yyyy (không bắt buộc).",
                            "dd/mm/yyyy (optional)."),
                    req(
                            "quantity",
                            "quantity",
                            "Sản lượng",
                            "Quantity",
                            "Số lượng, dấu phẩy thập phân được.",
                            "Amount; a decimal comma is fine."),
                    req("unit", "unit", "Đơn vị", "Unit", "Ví dụ: kg, tấn.", "E.g. kg."))),
    EVENTS(
            "events",
            List.of(
                    req(
                            "gtin",
                            "gtin",
                            "Mã GTIN sản phẩm",
                            "Product GTIN",
                            "GTIN của sản phẩm của lô.",
                            "GTIN of the batch's product."),
                    req("lot", "lotCode", "Mã lô", "Lot code", "Mã lô đã đăng ký.", "Lot code of a registered batch."),
                    opt(
                            "clientId",
                            "clientId",
                            "Mã nhật ký",
                            "Entry id",
                            "Mã riêng của dòng nhật ký (tự đặt, không trùng). Có mã: nhập lại không tạo bản sao, sửa nội dung thì ghi một mục sửa.",
                            "Your own id of the entry (unique). With it, importing again adds no copy and a changed row is recorded as a correction."),
                    req(
                            "type",
                            "type",
                            "Công việc",
                            "Work",
                            "Gieo trồng, Bón phân, Phun thuốc BVTV, Tưới nước, Thu hoạch, Đóng gói, Vận chuyển, Nhận hàng, Kiểm tra, Khác.",
                            "Sowing, Fertilising, Spraying, Irrigation, Harvest, Packing, Shipping, Receiving, Inspection, Other."),
                    req(
                            "at",
                            "occurredAt",
                            "Thời gian",
                            "Date and time",
                            "dd/mm/yyyy hoặc dd/mm/yyyy HH:mm, giờ Việt Nam.",
                            "dd/mm/yyyy or dd/mm/yyyy HH:mm, Vietnam time."),
                    opt(
                            "zone",
                            "zoneId",
                            "Mã vùng trồng",
                            "Zone code",
                            "Một vùng của lô (không bắt buộc).",
                            "One of the batch's zones (optional)."),
                    opt("actor", "actor", "Người thực hiện", "Done by", "Không bắt buộc.", "Optional."),
                    opt(
                            "input",
                            "inputName",
                            "Vật tư (thuốc, phân bón)",
                            "Input (pesticide, fertiliser)",
                            "Bắt buộc khi phun thuốc.",
                            "Required for a spraying."),
                    opt("dose", "dose", "Liều lượng", "Dose", "Ví dụ 1 lít/ha.", "E.g. 1 lít/ha."),
                    opt(
                            "phi",
                            "preHarvestIntervalDays",
                            "Thời gian cách ly (ngày)",
                            "Pre-harvest interval (days)",
                            "Bắt buộc khi phun thuốc.",
                            "Required for a spraying."),
                    opt(
                            "party",
                            "partyName",
                            "Đối tác",
                            "Party",
                            "Vận chuyển: giao cho ai; nhận hàng: nhận từ ai.",
                            "Shipping: to whom; receiving: from whom."),
                    opt("partyGln", "partyGln", "GLN đối tác", "Party GLN", "13 số.", "13 digits."),
                    opt("note", "note", "Ghi chú", "Note", "Không bắt buộc.", "Optional.")));

    private final String path;
    private final List<Column> columns;

    ImportKind(String path, List<Column> columns) {
        this.path = path;
        this.columns = columns;
    }

    public String path() {
        return path;
    }

    public List<Column> columns() {
        return columns;
    }

    public Optional<Column> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The column a request field is read from; empty when the field has none (then the row is named alone). */
    public Optional<Column> columnOfField(String field) {
        String f = field == null ? "" : field.replaceAll("[.\\[].*", "");
        return columns.stream().filter(c -> c.field().equals(f)).findFirst();
    }

    public String sheetName(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return switch (this) {
            case ZONES -> en ? "Zones" : "Vùng trồng";
            case PRODUCTS -> en ? "Products" : "Sản phẩm";
            case BATCHES -> en ? "Batches" : "Lô hàng";
            case EVENTS -> en ? "Diary" : "Nhật ký";
        };
    }

    public static ImportKind of(String path) {
        for (ImportKind k : values()) {
            if (k.path.equals(path)) {
                return k;
            }
        }
        throw new Problems.NotFound("Import kind", path + " (zones, products, batches or events)");
    }
}
