package vn.temso.imports.boundary;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.temso.batch.boundary.BatchRequest;
import vn.temso.batch.boundary.EventRequest;
import vn.temso.batch.control.BatchCommand;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.EventType;
import vn.temso.imports.control.CellProblem;
import vn.temso.imports.control.EventRows;
import vn.temso.imports.control.ImportLookups;
import vn.temso.imports.control.RowCommands;
import vn.temso.imports.control.SheetRow;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.Problems;
import vn.temso.product.boundary.ProductRequest;
import vn.temso.product.control.ProductCommand;
import vn.temso.product.entity.OcopGroup;
import vn.temso.product.entity.OcopLevel;
import vn.temso.zone.boundary.ZoneRequest;
import vn.temso.zone.control.ZoneCommand;

/**
 * Sheet rows to the API's own request records, checked by the same Bean Validation rules as a JSON request, then
 * turned into commands: the field rules live in one place.
 */
final class RowMappers {

    static final Map<String, EventType> EVENT_TYPES = labels(
            "Gieo trồng",
            EventType.SOWING,
            "Gieo sạ",
            EventType.SOWING,
            "Sowing",
            EventType.SOWING,
            "Bón phân",
            EventType.FERTILISING,
            "Fertilising",
            EventType.FERTILISING,
            "Phun thuốc BVTV",
            EventType.SPRAYING,
            "Phun thuốc",
            EventType.SPRAYING,
            "Spraying",
            EventType.SPRAYING,
            "Tưới nước",
            EventType.IRRIGATION,
            "Irrigation",
            EventType.IRRIGATION,
            "Thu hoạch",
            EventType.HARVEST,
            "Harvest",
            EventType.HARVEST,
            "Đóng gói",
            EventType.PACKING,
            "Packing",
            EventType.PACKING,
            "Vận chuyển",
            EventType.SHIPPING,
            "Xuất hàng",
            EventType.SHIPPING,
            "Shipping",
            EventType.SHIPPING,
            "Nhận hàng",
            EventType.RECEIVING,
            "Receiving",
            EventType.RECEIVING,
            "Kiểm tra",
            EventType.INSPECTION,
            "Inspection",
            EventType.INSPECTION,
            "Khác",
            EventType.OTHER,
            "Other",
            EventType.OTHER);

    static final Map<String, OcopLevel> OCOP_LEVELS =
            labels("Tỉnh", OcopLevel.PROVINCE, "Huyện", OcopLevel.DISTRICT, "Trung ương", OcopLevel.CENTRAL);

    static final Map<String, OcopGroup> OCOP_GROUPS = labels(
            "Thực phẩm",
            OcopGroup.FOOD,
            "Đồ uống",
            OcopGroup.BEVERAGE,
            "Thảo dược",
            OcopGroup.HERBAL,
            "Thủ công mỹ nghệ",
            OcopGroup.HANDICRAFT,
            "Sinh vật cảnh",
            OcopGroup.ORNAMENTAL,
            "Dịch vụ du lịch",
            OcopGroup.TOURISM_SERVICE);

    private RowMappers() {}

    @SuppressWarnings("unchecked")
    private static <E> Map<String, E> labels(Object... pairs) {
        Map<String, E> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (E) pairs[i + 1]);
        }
        return m;
    }

    static RowCommands<ZoneCommand> zones(Validator validator, String cooperativeId) {
        return row -> {
            String scheme = row.text("certScheme");
            String number = row.text("certNumber");
            List<ZoneRequest.CertificationDto> certs = List.of();
            if (scheme != null || number != null) {
                if (number == null) {
                    throw new CellProblem("certNumber", "row.certNumber");
                }
                certs = List.of(new ZoneRequest.CertificationDto(
                        scheme == null ? number : scheme, number, row.date("certUntil")));
            }
            ZoneRequest r = new ZoneRequest(
                    cooperativeId,
                    row.required("code"),
                    row.required("name"),
                    row.text("address"),
                    row.text("commune"),
                    row.text("district"),
                    row.text("province"),
                    row.required("crop"),
                    row.text("variety"),
                    requiredDecimal(row, "area"),
                    row.integer("households", 0, 1_000_000),
                    row.integer("harvests", 1, 366),
                    certs,
                    null,
                    null,
                    null);
            return valid(validator, r).toCommand();
        };
    }

    static RowCommands<ProductCommand> products(Validator validator, String cooperativeId) {
        return row -> {
            Integer stars = row.integer("ocopStars", 3, 5);
            ProductRequest.OcopRequest ocop = null;
            if (stars != null) {
                if (row.date("ocopDate") == null) {
                    throw new CellProblem("ocopDate", "row.ocopDate");
                }
                ocop = new ProductRequest.OcopRequest(
                        stars,
                        row.choice("ocopGroup", OcopGroup.class, OCOP_GROUPS),
                        row.integer("ocopScore", 0, 100),
                        row.text("ocopDecision"),
                        row.date("ocopDate"),
                        row.choice("ocopLevel", OcopLevel.class, OCOP_LEVELS),
                        row.text("ocopAuthority"),
                        row.date("ocopUntil"));
            }
            ProductRequest r = new ProductRequest(
                    cooperativeId,
                    row.required("gtin"),
                    row.required("name"),
                    row.text("description"),
                    row.text("category"),
                    row.required("unit"),
                    row.wholeNumber("price", 0, 10_000_000_000L),
                    null,
                    ocop);
            return valid(validator, r).toCommand();
        };
    }

    static RowCommands<BatchCommand> batches(Validator validator, ImportLookups lookups, String cooperativeId) {
        Map<String, String> products = new HashMap<>(); // ids looked up once per file
        Map<String, String> zoneIdsByCode = new HashMap<>();
        return row -> {
            String productId =
                    products.computeIfAbsent(row.required("gtin"), g -> lookups.productId(cooperativeId, g, "gtin"));
            Set<String> zoneIds = new LinkedHashSet<>();
            String zones = row.text("zones");
            if (zones != null) {
                for (String code : zones.split("[;,\\n]")) {
                    if (!code.isBlank()) {
                        zoneIds.add(zoneIdsByCode.computeIfAbsent(
                                code.strip(), c -> lookups.zoneId(cooperativeId, c, "zones")));
                    }
                }
            }
            BatchRequest r = new BatchRequest(
                    productId,
                    row.required("lot"),
                    zoneIds,
                    requiredDate(row, "harvestDate"),
                    row.date("expiryDate"),
                    requiredDecimal(row, "quantity"),
                    row.required("unit"),
                    List.of(),
                    null);
            return valid(validator, r).toCommand();
        };
    }

    static RowCommands<EventRows.EventRow> events(Validator validator, ImportLookups lookups, String cooperativeId) {
        Map<String, String> products = new HashMap<>(); // ids looked up once per file: 50,000 rows name 100 lots
        Map<String, String> batches = new HashMap<>();
        Map<String, String> zoneIdsByCode = new HashMap<>();
        return row -> {
            String productId =
                    products.computeIfAbsent(row.required("gtin"), g -> lookups.productId(cooperativeId, g, "gtin"));
            String lot = row.required("lot");
            String batchId = batches.computeIfAbsent(productId + "/" + lot, k -> {
                Batch batch = lookups.batch(productId, lot);
                if (batch == null) {
                    throw new CellProblem("lot", "row.unknownBatch", row.text("gtin"), lot);
                }
                return batch.getId();
            });
            String zone = row.text("zone");
            EventType type = row.choice("type", EventType.class, EVENT_TYPES);
            if (type == null) {
                throw new CellProblem("type", "cell.required");
            }
            var at = row.dateTime("at");
            if (at == null) {
                throw new CellProblem("at", "cell.required");
            }
            EventRequest r = new EventRequest(
                    type,
                    at,
                    zone == null
                            ? null
                            : zoneIdsByCode.computeIfAbsent(zone, c -> lookups.zoneId(cooperativeId, c, "zone")),
                    row.text("actor"),
                    row.text("note"),
                    row.text("input"),
                    row.text("dose"),
                    row.integer("phi", 0, 365),
                    null,
                    row.text("party"),
                    row.text("partyGln"),
                    null); // the sheet's own entry id is the import key (any text), not the API's UUID clientId
            return new EventRows.EventRow(
                    batchId,
                    cooperativeId,
                    row.text("clientId"),
                    valid(validator, r).toCommand());
        };
    }

    private static java.math.BigDecimal requiredDecimal(SheetRow row, String key) {
        row.required(key);
        return row.decimal(key);
    }

    private static java.time.LocalDate requiredDate(SheetRow row, String key) {
        row.required(key);
        return row.date(key);
    }

    /** The request's Bean Validation violations as a problem naming each field (the importer finds its column). */
    static <T> T valid(Validator validator, T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<ProblemException.Violation> list = violations.stream()
                    .map(v -> new ProblemException.Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(ProblemException.Violation::field))
                    .toList();
            throw new Problems.ValidationFailed(list.size() + " fields are invalid", list);
        }
        return request;
    }
}
