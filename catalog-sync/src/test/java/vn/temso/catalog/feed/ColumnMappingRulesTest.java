package vn.temso.catalog.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The channel rules of column mappings: what the CLI and the service both refuse, each problem typed. */
class ColumnMappingRulesTest {

    private static final ColumnMapping.Column ID = new ColumnMapping.Column("Mã SKU", "id");
    private static final ColumnMapping.Column TITLE = new ColumnMapping.Column("Tên sản phẩm", "title");

    @Test
    void shouldAcceptTheBundledDefaultsUnderTheChannelRules() {
        assertEquals(
                List.of(),
                ColumnMapping.check(
                        Channel.VOSO_CSV, ColumnMapping.vosoDefault().columns()));
        assertEquals(
                List.of(),
                ColumnMapping.check(
                        Channel.POSTMART_CSV, ColumnMapping.postmartDefault().columns()));
    }

    @Test
    void shouldKeepColumnOrderThroughTheJsonForm() throws IOException {
        ColumnMapping m = ColumnMapping.validated(
                Channel.VOSO_CSV, List.of(TITLE, new ColumnMapping.Column("Giá (đ)", "price_vnd"), ID));
        assertEquals(List.of("Tên sản phẩm", "Giá (đ)", "Mã SKU"), m.headers());
        ColumnMapping back = ColumnMapping.fromJson(
                Channel.VOSO_CSV, new ByteArrayInputStream(m.toJson().getBytes(StandardCharsets.UTF_8)));
        assertEquals(m.columns(), back.columns());
        assertEquals(List.of(FeedField.TITLE, FeedField.PRICE_VND, FeedField.ID), back.fields());
    }

    @Test
    void shouldRequireTheItemIdAndTitleColumns() {
        List<MappingProblem> problems =
                ColumnMapping.check(Channel.POSTMART_CSV, List.of(new ColumnMapping.Column("Giá", "price_vnd")));
        assertEquals(List.of(MappingRule.REQUIRED_FIELD, MappingRule.REQUIRED_FIELD), rules(problems));
        assertTrue(problems.get(0).message().contains("\"id\""), problems.toString());
        assertTrue(problems.get(1).message().contains("\"title\""), problems.toString());
        assertEquals(null, problems.get(0).header(), "a rule of the whole mapping names no column");
    }

    @Test
    void shouldNameTheColumnAndTheRuleOfEachBadHeader() {
        String decomposed = Normalizer.normalize("Giá bán", Normalizer.Form.NFD);
        List<ColumnMapping.Column> columns = List.of(
                ID,
                TITLE,
                new ColumnMapping.Column(" ", "brand"),
                new ColumnMapping.Column("x".repeat(ColumnMapping.MAX_HEADER_LENGTH + 1), "brand"),
                new ColumnMapping.Column("=HYPERLINK(1)", "link"),
                new ColumnMapping.Column("Ảnh\u200Bsản phẩm", "image_link"),
                new ColumnMapping.Column("Tab\there", "gtin"),
                new ColumnMapping.Column(" Lề", "gtin"),
                new ColumnMapping.Column(decomposed, "price_vnd"),
                new ColumnMapping.Column("mã sku", "gtin"),
                new ColumnMapping.Column("Hạng", "sao"));
        List<MappingProblem> problems = ColumnMapping.check(Channel.VOSO_CSV, columns);
        assertEquals(
                List.of(
                        MappingRule.HEADER_BLANK,
                        MappingRule.HEADER_TOO_LONG,
                        MappingRule.HEADER_CHARACTERS,
                        MappingRule.HEADER_CHARACTERS,
                        MappingRule.HEADER_CHARACTERS,
                        MappingRule.HEADER_CHARACTERS,
                        MappingRule.HEADER_NOT_NFC,
                        MappingRule.DUPLICATE_HEADER,
                        MappingRule.UNKNOWN_FIELD),
                rules(problems));
        assertEquals("=HYPERLINK(1)", problems.get(2).header());
        assertEquals(decomposed, problems.get(6).header());
        assertEquals("mã sku", problems.get(7).header(), "headers compare ignoring case");
        assertEquals("Hạng", problems.get(8).header());
        assertEquals("header-not-nfc", problems.get(6).rule().code());
        InvalidMappingException e =
                assertThrows(InvalidMappingException.class, () -> ColumnMapping.validated(Channel.VOSO_CSV, columns));
        assertEquals(problems, e.problems());
    }

    @Test
    void shouldAllowAtMostSixtyColumns() {
        List<ColumnMapping.Column> columns = new ArrayList<>(List.of(ID, TITLE));
        for (int i = columns.size(); i < ColumnMapping.MAX_COLUMNS; i++) {
            columns.add(new ColumnMapping.Column("Cột " + i, "description"));
        }
        assertEquals(List.of(), ColumnMapping.check(Channel.VOSO_CSV, columns));
        columns.add(new ColumnMapping.Column("Cột thừa", "brand"));
        List<MappingProblem> problems = ColumnMapping.check(Channel.VOSO_CSV, columns);
        assertEquals(List.of(MappingRule.TOO_MANY_COLUMNS), rules(problems));
        assertEquals("too-many-columns", problems.get(0).rule().code());
    }

    @Test
    void shouldRefuseAMappingForTheChannelsWhoseLayoutTheSpecFixes() {
        for (Channel c : List.of(Channel.GOOGLE_TSV, Channel.META_CSV, Channel.GOOGLE_XML)) {
            assertFalse(ColumnMapping.editable(c));
            assertEquals(List.of(MappingRule.FIXED_LAYOUT), rules(ColumnMapping.check(c, List.of(ID, TITLE))));
        }
        assertEquals(
                "id", ColumnMapping.defaultFor(Channel.GOOGLE_TSV).headers().get(0));
        assertTrue(ColumnMapping.editable(Channel.VOSO_CSV) && ColumnMapping.editable(Channel.POSTMART_CSV));
    }

    @Test
    void shouldTypeTheProblemsOfTheJsonFormToo() {
        InvalidMappingException notObject =
                assertThrows(InvalidMappingException.class, () -> ColumnMapping.readColumns(stream("[\"id\"]")));
        assertEquals(MappingRule.NOT_AN_OBJECT, notObject.problems().get(0).rule());
        InvalidMappingException twice = assertThrows(
                InvalidMappingException.class,
                () -> ColumnMapping.fromJson(stream("{\"Mã\": \"id\", \"Mã\": \"gtin\", \"Tên\": \"title\"}")));
        assertEquals(List.of(MappingRule.DUPLICATE_HEADER), rules(twice.problems()));
        assertEquals("Mã", twice.problems().get(0).header());
        assertTrue(twice instanceof IllegalArgumentException, "callers that only report bad input need nothing new");
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<MappingRule> rules(List<MappingProblem> problems) {
        return problems.stream().map(MappingProblem::rule).toList();
    }
}
