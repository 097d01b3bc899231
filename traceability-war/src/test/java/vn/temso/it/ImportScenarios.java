package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 16, spreadsheet import and export over real HTTP, with files written as a user would: the template
 * downloaded and filled with POI, CSV as Excel saves it (BOM, semicolons, decimal commas, dd/mm/yyyy), Vietnamese in
 * decomposed Unicode; the done-when of the issue (500 zone rows with 3 mistakes) and tenancy.
 */
public abstract class ImportScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String OTHER_MANAGER = "duchoa.quanly";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A multipart/form-data upload of one file in the field "file". */
    static Api.Reply upload(String user, String path, String filename, byte[] content) {
        return upload(user, path, filename, content, "vi");
    }

    static Api.Reply upload(String user, String path, String filename, byte[] content, String language) {
        String boundary = "----temso" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.request("POST", path)
                .as(user)
                .header("Accept-Language", language)
                .body("multipart/form-data; boundary=" + boundary, body.toByteArray())
                .send();
    }

    static XSSFWorkbook template(String kind) throws IOException {
        Api.Reply t = api.request("GET", "/api/imports/" + kind + "/template")
                .as(MANAGER)
                .send();
        assertEquals(200, t.status(), t.text());
        assertTrue(t.contentType().startsWith(XLSX), t.contentType());
        return new XSSFWorkbook(new ByteArrayInputStream(t.raw().body()));
    }

    static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        wb.close();
        return out.toByteArray();
    }

    /** 500 zone rows filled into the downloaded template from row 3; the mistakes are at the given row indexes. */
    static byte[] zoneSheet(String prefix, boolean withMistakes) throws IOException {
        XSSFWorkbook wb = template("zones");
        Sheet s = wb.getSheetAt(0);
        for (int i = 0; i < 500; i++) {
            Row r = s.createRow(2 + i);
            r.createCell(0).setCellValue(String.format("%s-%04d", prefix, i + 1));
            r.createCell(1).setCellValue("Vùng lúa số " + (i + 1));
            r.createCell(3).setCellValue("Bình Tịnh");
            r.createCell(4).setCellValue("Tân Trụ");
            r.createCell(5).setCellValue("Long An");
            r.createCell(6).setCellValue("Lúa");
            r.createCell(7).setCellValue("ST25");
            if (i % 2 == 0) {
                r.createCell(8).setCellValue(10 + i / 10.0); // a number cell
            } else {
                r.createCell(8).setCellValue((10 + i / 10) + ",5"); // typed text with a decimal comma
            }
            r.createCell(9).setCellValue(5 + i % 20);
            r.createCell(10).setCellValue(2);
        }
        if (withMistakes) {
            s.getRow(2 + 49).getCell(8).setCellValue("mười hai"); // row 52: area is not a number
            s.getRow(2 + 199).removeCell(s.getRow(2 + 199).getCell(1)); // row 202: no name
            s.getRow(2 + 419).getCell(0).setCellValue("XX 12"); // row 422: not a zone code
        }
        return bytes(wb);
    }

    @Test
    void shouldOfferATemplateWithVietnameseAndEnglishHeadersAndNotes() throws IOException {
        try (XSSFWorkbook wb = template("zones")) {
            Sheet s = wb.getSheetAt(0);
            assertEquals("Mã vùng trồng *", s.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Zone code", s.getRow(1).getCell(0).getStringCellValue());
            List<String> headers = new ArrayList<>();
            s.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertTrue(
                    headers.containsAll(
                            List.of("Tên vùng *", "Xã", "Cây trồng *", "Giống", "Diện tích (ha) *", "Số hộ")),
                    headers.toString());
            assertNotNull(s.getRow(0).getCell(0).getCellComment(), "every header cell has a note");
            assertTrue(s.getRow(0)
                    .getCell(8)
                    .getCellComment()
                    .getString()
                    .getString()
                    .contains("héc-ta"));
        }
        for (String kind : List.of("products", "batches", "events")) {
            try (XSSFWorkbook wb = template(kind)) {
                assertTrue(wb.getSheetAt(0).getRow(0).getPhysicalNumberOfCells() > 3, kind);
            }
        }
        assertEquals(
                404,
                api.request("GET", "/api/imports/cows/template")
                        .as(MANAGER)
                        .send()
                        .status());
    }

    /** The done-when of issue 16. */
    @Test
    void shouldReportExactlyTheThreeMistakesOf500RowsThenCreateThemThenChangeNothing() throws IOException {
        String prefix = "VN-IMP-" + unique();
        byte[] wrong = zoneSheet(prefix, true);

        Api.Reply dry = upload(MANAGER, "/api/imports/zones?dryRun=true", "vung.xlsx", wrong);
        assertEquals(200, dry.status(), dry.text());
        assertFalse(dry.json().get("committed").asBoolean());
        assertThreeMistakes(dry.json());

        Api.Reply refused = upload(MANAGER, "/api/imports/zones", "vung.xlsx", wrong);
        assertEquals(422, refused.status(), refused.text());
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertThreeMistakes(refused.json());
        assertEquals(0, zoneCount(prefix), "nothing written");

        byte[] fixed = zoneSheet(prefix, false);
        Api.Reply created = upload(MANAGER, "/api/imports/zones", "vung.xlsx", fixed);
        assertEquals(200, created.status(), created.text());
        assertEquals(500, created.json().get("created").asInt(), created.text());
        assertTrue(created.json().get("committed").asBoolean());
        assertEquals(500, zoneCount(prefix));

        Api.Reply again = upload(MANAGER, "/api/imports/zones", "vung.xlsx", fixed);
        assertEquals(200, again.status(), again.text());
        assertEquals(0, again.json().get("created").asInt(), again.text());
        assertEquals(0, again.json().get("updated").asInt(), again.text());
        assertEquals(500, again.json().get("unchanged").asInt(), again.text());

        JsonNode z = api.get(MANAGER, "/api/zones?q=" + prefix + "-0002")
                .json()
                .get("items")
                .get(0);
        assertEquals(10.5, z.get("declaredAreaHa").asDouble(), 1e-9);
        assertEquals("Bình Tịnh", z.get("commune").asText());
    }

    private static void assertThreeMistakes(JsonNode body) {
        JsonNode problems = body.get("problems");
        assertEquals(3, problems.size(), body.toString());
        assertEquals(52, problems.get(0).get("row").asInt(), body.toString());
        assertEquals("Diện tích (ha)", problems.get(0).get("column").asText());
        assertTrue(problems.get(0).get("message").asText().contains("mười hai"), body.toString());
        assertEquals(202, problems.get(1).get("row").asInt());
        assertEquals("Tên vùng", problems.get(1).get("column").asText());
        assertEquals("Thiếu giá trị bắt buộc", problems.get(1).get("message").asText());
        assertEquals(422, problems.get(2).get("row").asInt());
        assertEquals("Mã vùng trồng", problems.get(2).get("column").asText());
    }

    private static int zoneCount(String prefix) {
        return api.get(MANAGER, "/api/zones?size=1&q=" + prefix)
                .json()
                .get("total")
                .asInt();
    }

    @Test
    void shouldReadCsvWithBomSemicolonsDecimalCommasVietnameseDatesAndStoreNfc() {
        String code = "VN-CSV-" + unique();
        String nfdName = Normalizer.normalize("Vùng thanh long Hòa Tân", Normalizer.Form.NFD);
        String csv = "\uFEFFMã vùng trồng;Tên vùng;Xã;Cây trồng;Diện tích (ha);Số hộ;Chứng nhận;Số chứng nhận;"
                + "Chứng nhận hiệu lực đến\r\n"
                + code + ";" + nfdName + ";Hòa Tân;Thanh long;24,5;12;VietGAP;VG-01-99;30/06/2027\r\n"
                + ";;;;;;;;\r\n\r\n";
        Api.Reply r = upload(MANAGER, "/api/imports/zones", "vung.csv", csv.getBytes(StandardCharsets.UTF_8), "en");
        assertEquals(200, r.status(), r.text());
        assertEquals(1, r.json().get("created").asInt(), r.text());
        JsonNode z =
                api.get(MANAGER, "/api/zones?q=" + code).json().get("items").get(0);
        assertEquals(
                Normalizer.normalize(nfdName, Normalizer.Form.NFC),
                z.get("name").asText());
        assertEquals(24.5, z.get("declaredAreaHa").asDouble(), 1e-9);
        JsonNode full = api.get(MANAGER, "/api/zones/" + z.get("id").asText()).json();
        assertEquals(
                "2027-06-30",
                full.get("certifications").get(0).get("validUntil").asText(),
                full.toString());

        // English headers and messages
        String en = "Zone code,Zone name,Crop,Area (ha)\n" + code + "-X,Zone,Rice,abc\n";
        Api.Reply bad =
                upload(MANAGER, "/api/imports/zones?dryRun=true", "z.csv", en.getBytes(StandardCharsets.UTF_8), "en");
        assertEquals(200, bad.status(), bad.text());
        JsonNode p = bad.json().get("problems").get(0);
        assertEquals(2, p.get("row").asInt());
        assertEquals("Area (ha)", p.get("column").asText());
        assertEquals("\"abc\" is not a number", p.get("message").asText());
    }

    @Test
    void shouldRefuseWhatIsNotASpreadsheetWith4xx() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertProblem(upload(MANAGER, "/api/imports/zones", "anh.xlsx", png), 415, "import/unsupported-file");
        byte[] xls = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};
        assertProblem(upload(MANAGER, "/api/imports/zones", "cu.xls", xls), 415, "import/unsupported-file");
        // what Excel's "CSV (Comma delimited)" writes on a Vietnamese Windows: the Windows-1258 code page
        byte[] ansi = "Mã vùng trồng,Tên vùng,Cây trồng,Diện tích (ha)\nVN-ANSI-1,Vùng Đồng,Lúa,3\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1258"));
        Api.Reply notUtf8 = upload(MANAGER, "/api/imports/zones?dryRun=true", "excel.csv", ansi);
        assertProblem(notUtf8, 415, "import/not-utf8");
        assertTrue(notUtf8.json().get("detail").asText().contains("CSV UTF-8"), notUtf8.text());
        byte[] brokenZip = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8};
        assertProblem(upload(MANAGER, "/api/imports/zones", "hong.xlsx", brokenZip), 400, "import/unreadable-file");
        Api.Reply merged = upload(
                MANAGER,
                "/api/imports/zones?dryRun=true",
                "gop.csv",
                "Mã vùng trồng,Tên vùng,,Cây trồng,Diện tích (ha)\nVN-MRG-1,Vùng,thêm,Lúa,3\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, merged.status(), merged.text());
        assertEquals("C", merged.json().get("problems").get(0).get("column").asText(), merged.text());
    }

    @Test
    void shouldImportProductsBatchesAndDiaryIdempotently() throws IOException {
        String u = unique();
        String zone = "VN-DIA-" + u;
        upload(
                MANAGER,
                "/api/imports/zones",
                "z.csv",
                ("Mã vùng trồng,Tên vùng,Cây trồng,Diện tích (ha)\n" + zone + ",Vùng nhật ký,Lúa,5\n")
                        .getBytes(StandardCharsets.UTF_8));
        String gtin = Fixtures.gtin13();
        String products = "Mã GTIN,Tên sản phẩm,Đơn vị,Giá (đồng),Số sao OCOP,Ngày quyết định OCOP,Cấp OCOP\n" + gtin
                + ",Gạo ST25 túi 2 kg,túi 2 kg,79000,4,15/03/2025,Tỉnh\n";
        Api.Reply p = upload(MANAGER, "/api/imports/products", "sp.csv", products.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, p.status(), p.text());
        assertEquals(1, p.json().get("created").asInt(), p.text());

        XSSFWorkbook wb = template("batches");
        Row b = wb.getSheetAt(0).createRow(2);
        b.createCell(0).setCellValue(gtin);
        b.createCell(1).setCellValue("L" + u);
        b.createCell(2).setCellValue(zone);
        b.createCell(3).setCellValue("10/11/2026");
        b.createCell(5).setCellValue(1200);
        b.createCell(6).setCellValue("kg");
        Api.Reply batches = upload(MANAGER, "/api/imports/batches", "lo.xlsx", bytes(wb));
        assertEquals(200, batches.status(), batches.text());
        assertEquals(1, batches.json().get("created").asInt(), batches.text());

        String diary =
                "Mã GTIN sản phẩm,Mã lô,Mã nhật ký,Công việc,Thời gian,Mã vùng trồng,\"Vật tư (thuốc, phân bón)\","
                        + "Thời gian cách ly (ngày)\n"
                        + gtin + ",L" + u + ",NK-1,Bón phân,01/10/2026 07:30," + zone + ",NPK 20-20-15,\n"
                        + gtin + ",L" + u + ",NK-2,Phun thuốc BVTV,05/11/2026 06:00," + zone + ",Validamycin 5SL,7\n";
        Api.Reply d = upload(MANAGER, "/api/imports/events", "nk.csv", diary.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, d.status(), d.text());
        assertEquals(2, d.json().get("created").asInt(), d.text());
        Api.Reply again = upload(MANAGER, "/api/imports/events", "nk.csv", diary.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, again.json().get("unchanged").asInt(), again.text());
        Api.Reply changed = upload(
                MANAGER,
                "/api/imports/events",
                "nk.csv",
                diary.replace("Validamycin 5SL,7", "Validamycin 5SL,10").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, changed.json().get("updated").asInt(), changed.text());
        assertEquals(1, changed.json().get("unchanged").asInt(), changed.text());

        Api.Reply csv =
                api.request("GET", "/api/exports/events.csv").as(MANAGER).send();
        assertEquals(200, csv.status(), csv.text());
        assertTrue(csv.text().contains("L" + u) && csv.text().contains("Validamycin 5SL"), csv.text());
        Api.Reply productsCsv =
                api.request("GET", "/api/exports/products.csv").as(MANAGER).send();
        assertTrue(productsCsv.text().contains("Gạo ST25 túi 2 kg"), productsCsv.text());
    }

    @Test
    void shouldKeepEachCooperativeToItsOwnData() throws IOException {
        String code = "VN-TEN-" + unique();
        String csv = "Mã vùng trồng,Tên vùng,Cây trồng,Diện tích (ha)\n" + code + ",Vùng,Lúa,5\n";
        assertEquals(
                200,
                upload(MANAGER, "/api/imports/zones", "z.csv", csv.getBytes(StandardCharsets.UTF_8))
                        .status());
        Api.Reply foreign = upload(
                OTHER_MANAGER,
                "/api/imports/zones",
                "z.csv",
                csv.replace("Vùng,", "Của tôi,").getBytes(StandardCharsets.UTF_8));
        assertEquals(422, foreign.status(), foreign.text());
        assertEquals(
                "Mã vùng trồng",
                foreign.json().get("problems").get(0).get("column").asText());
        assertEquals(
                "Vùng",
                api.get(MANAGER, "/api/zones?q=" + code)
                        .json()
                        .get("items")
                        .get(0)
                        .get("name")
                        .asText());
        assertProblem(
                upload(
                        OTHER_MANAGER,
                        "/api/imports/zones?cooperativeId=" + idOfCoop(MANAGER),
                        "z.csv",
                        csv.getBytes(StandardCharsets.UTF_8)),
                404,
                "not-found");
        assertProblem(
                upload("canbo.binhtinh", "/api/imports/zones", "z.csv", csv.getBytes(StandardCharsets.UTF_8)),
                403,
                "forbidden");
        Api.Reply theirs =
                api.request("GET", "/api/exports/zones.csv").as(OTHER_MANAGER).send();
        assertEquals(200, theirs.status());
        assertFalse(theirs.text().contains(code), "another cooperative's zone is not exported");
        assertEquals(
                200,
                upload(
                                MANAGER,
                                "/api/imports/zones",
                                "f.csv",
                                ("Mã vùng trồng,Tên vùng,Cây trồng,Diện tích (ha)\n" + code + "-F,=1+2,Lúa,5\n")
                                        .getBytes(StandardCharsets.UTF_8))
                        .status());
        Api.Reply ours =
                api.request("GET", "/api/exports/zones.csv").as(MANAGER).send();
        assertTrue(ours.text().contains(code));
        assertTrue(ours.text().startsWith("\uFEFFMã vùng trồng,"), "UTF-8 with a BOM, Vietnamese headers");
        assertTrue(ours.text().contains(code + "-F,'=1+2,"), "no formula is run when Excel opens the export");

        Api.Reply xlsx = api.request("GET", "/api/exports/all.xlsx").as(MANAGER).send();
        assertEquals(200, xlsx.status(), xlsx.text());
        try (XSSFWorkbook wb =
                new XSSFWorkbook(new ByteArrayInputStream(xlsx.raw().body()))) {
            assertEquals(4, wb.getNumberOfSheets());
        }
        Api.Reply geo =
                api.request("GET", "/api/exports/zones.geojson").as(MANAGER).send();
        assertEquals(200, geo.status(), geo.text());
        assertEquals("FeatureCollection", geo.json().get("type").asText());
    }

    @Test
    void shouldSetZoneOutlinesFromAGeoJsonFeatureCollectionMatchedByANamedProperty() {
        String code = "VN-GJ-" + unique();
        upload(
                MANAGER,
                "/api/imports/zones",
                "z.csv",
                ("Mã vùng trồng,Tên vùng,Cây trồng,Diện tích (ha)\n" + code + "-1,Vùng 1,Lúa,5\n" + code
                                + "-2,Vùng 2,Lúa,5\n")
                        .getBytes(StandardCharsets.UTF_8));
        StringBuilder fc = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 1; i <= 2; i++) {
            double x = 106.5 + i * 0.01;
            fc.append(i == 1 ? "" : ",")
                    .append("{\"type\":\"Feature\",\"properties\":{\"ma_vung\":\"")
                    .append(code)
                    .append('-')
                    .append(i)
                    .append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[")
                    .append(x)
                    .append(",10.5],[")
                    .append(x + 0.005)
                    .append(",10.5],[")
                    .append(x + 0.005)
                    .append(",10.505],[")
                    .append(x)
                    .append(",10.505],[")
                    .append(x)
                    .append(",10.5]]]}}");
        }
        fc.append("]}");
        byte[] file = fc.toString().getBytes(StandardCharsets.UTF_8);
        Api.Reply dry = upload(MANAGER, "/api/imports/zones?dryRun=true&codeProperty=ma_vung", "v.geojson", file);
        assertEquals(200, dry.status(), dry.text());
        assertEquals(2, dry.json().get("updated").asInt(), dry.text());
        Api.Reply done = upload(MANAGER, "/api/imports/zones?codeProperty=ma_vung", "v.geojson", file);
        assertEquals(2, done.json().get("updated").asInt(), done.text());
        Api.Reply again = upload(MANAGER, "/api/imports/zones?codeProperty=ma_vung", "v.geojson", file);
        assertEquals(2, again.json().get("unchanged").asInt(), again.text());
        JsonNode z = api.get(MANAGER, "/api/zones?q=" + code + "-1")
                .json()
                .get("items")
                .get(0);
        assertTrue(z.get("computedAreaHa").asDouble() > 0, z.toString());
    }

    @Test
    void shouldImportFromTheWebPageAfterADryRunShowingTheProblemsAsATable() throws IOException {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are installed by .ci/run");
        String code = "VN-UI-" + unique();
        Path csv = Files.createTempFile("vung", ".csv");
        try (Browser b = new Browser(api.base(), 390, 1400)) {
            b.open("/login.xhtml");
            b.signIn(MANAGER, Api.DEMO_PASSWORD);
            b.waitFor(d -> d.getCurrentUrl().contains("/app/dashboard"), 10);
            b.open("/app/imports.xhtml");
            Files.writeString(
                    csv, "Mã vùng trồng,Tên vùng,Cây trồng,Diện tích (ha)\n" + code + ",Vùng <b>UI</b>,Lúa,abc\n");
            b.el("file").sendKeys(csv.toAbsolutePath().toString());
            b.click("check");
            b.waitFor(d -> d.findElements(By.cssSelector("#problems tbody tr")).size() == 1, 20);
            List<WebElement> cells = b.driver.findElements(By.cssSelector("#problems tbody td"));
            assertEquals("2", cells.get(0).getText());
            assertEquals("Diện tích (ha)", cells.get(1).getText());
            assertTrue(cells.get(2).getText().contains("abc"), cells.get(2).getText());
            assertFalse(b.el("commit").isDisplayed(), "no commit while there are problems");
            b.screenshot("16-import-problems");

            Files.writeString(
                    csv, "Mã vùng trồng,Tên vùng,Cây trồng,Diện tích (ha)\n" + code + ",Vùng <b>UI</b>,Lúa,\"2,5\"\n");
            b.driver.navigate().refresh();
            b.el("file").sendKeys(csv.toAbsolutePath().toString());
            b.click("check");
            b.waitFor(d -> d.findElement(By.id("commit")).isDisplayed(), 20);
            assertEquals(0, zoneCount(code), "a dry run writes nothing");
            assertEquals("100", b.el("progress").getAttribute("value"));
            b.click("commit");
            b.waitFor(d -> d.findElement(By.id("summary")).getText().startsWith("Đã ghi"), 20);
            b.screenshot("16-import-done");
        } finally {
            Files.deleteIfExists(csv);
        }
        assertEquals(1, zoneCount(code));
        assertEquals(
                "Vùng <b>UI</b>",
                api.get(MANAGER, "/api/zones?q=" + code)
                        .json()
                        .get("items")
                        .get(0)
                        .get("name")
                        .asText());
    }
}
