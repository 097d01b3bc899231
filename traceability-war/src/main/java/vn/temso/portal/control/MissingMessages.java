package vn.temso.portal.control;

import java.util.List;
import java.util.Map;

/**
 * What to tell a cooperative, in Vietnamese and English, when its lot lacks a field the portal requires: worded by the
 * source the value would come from (the mapping file may word its own, per field). A source without its own words
 * gets a message naming the field.
 */
final class MissingMessages {

    /** A message in both languages. */
    record Text(String vi, String en) {}

    private static final Map<String, Text> BY_SOURCE = Map.ofEntries(
            Map.entry("product.name", new Text("Sản phẩm chưa có tên.", "The product has no name.")),
            Map.entry(
                    "product.imageUrl",
                    new Text(
                            "Sản phẩm chưa có ảnh: tải ảnh lên ở trang sản phẩm.",
                            "The product has no image: upload one on the product page.")),
            Map.entry(
                    "product.gtin",
                    new Text("Sản phẩm chưa có mã GTIN (mã vạch).", "The product has no GTIN (barcode number).")),
            Map.entry(
                    "lot.gtin",
                    new Text("Sản phẩm chưa có mã GTIN (mã vạch).", "The product has no GTIN (barcode number).")),
            Map.entry("product.description", new Text("Sản phẩm chưa có mô tả.", "The product has no description.")),
            Map.entry("product.brand", new Text("Sản phẩm chưa có nhãn hiệu.", "The product has no brand.")),
            Map.entry("producer.name", new Text("Hợp tác xã chưa có tên.", "The cooperative has no name.")),
            Map.entry("producer.address", new Text("Hợp tác xã chưa có địa chỉ.", "The cooperative has no address.")),
            Map.entry("producer.taxId", new Text("Hợp tác xã chưa có mã số thuế.", "The cooperative has no tax id.")),
            Map.entry(
                    "producer.gln",
                    new Text("Hợp tác xã chưa có mã địa điểm toàn cầu GLN.", "The cooperative has no GLN.")),
            Map.entry("lot.number", new Text("Lô hàng chưa có mã lô.", "The lot has no lot number.")),
            Map.entry("lot.harvestDate", new Text("Lô hàng chưa có ngày thu hoạch.", "The lot has no harvest date.")),
            Map.entry("lot.expiryDate", new Text("Lô hàng chưa có hạn sử dụng.", "The lot has no expiry date.")),
            Map.entry(
                    "lot.stamps",
                    new Text("Lô hàng chưa được cấp tem truy xuất.", "No stamps were issued for the lot.")),
            Map.entry(
                    "origin.zoneCodes",
                    new Text("Lô hàng chưa gắn vùng trồng (mã số vùng trồng).", "The lot names no growing zone.")),
            Map.entry(
                    "origin.communes", new Text("Vùng trồng của lô chưa ghi xã.", "The lot's zones name no commune.")),
            Map.entry(
                    "origin.provinces",
                    new Text("Vùng trồng của lô chưa ghi tỉnh.", "The lot's zones name no province.")),
            Map.entry(
                    "events",
                    new Text(
                            "Chưa có sự kiện truy xuất chính nào (thu hoạch, đóng gói, vận chuyển…).",
                            "No key tracking event yet (harvest, packing, shipping…).")),
            Map.entry(
                    "standards.applied",
                    new Text(
                            "Chưa có tiêu chuẩn nào đang hiệu lực (OCOP, VietGAP, hữu cơ…).",
                            "No standard applies yet (OCOP, VietGAP, organic…).")));

    private static final Text COOPERATIVE_ID =
            new Text("Hợp tác xã chưa có mã số thuế hoặc mã GLN.", "The cooperative has no tax id or GLN.");

    private MissingMessages() {}

    static Text of(String target, List<String> sources) {
        if (sources.size() > 1
                && sources.stream().allMatch(s -> s.equals("producer.taxId") || s.equals("producer.gln"))) {
            return COOPERATIVE_ID;
        }
        if (sources.size() == 1 && BY_SOURCE.containsKey(sources.get(0))) {
            return BY_SOURCE.get(sources.get(0));
        }
        String from = String.join(" | ", sources);
        return new Text(
                "Bản ghi còn thiếu trường " + target + " (lấy từ " + from + ").",
                "The record lacks " + target + " (from " + from + ").");
    }
}
