package vn.temso.imports.control;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import vn.temso.platform.domain.DomainException;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.ProblemMappers;
import vn.temso.platform.text.Texts;
import vn.temso.zone.control.ZoneCommand;
import vn.temso.zone.control.Zones;
import vn.temso.zone.entity.GeometryException;
import vn.temso.zone.entity.KmlImport;
import vn.temso.zone.entity.MaterialZone;
import vn.temso.zone.entity.ZoneGeometry;

/**
 * Outlines of many zones from one KML document (its Placemarks) or GeoJSON FeatureCollection (its Features), each
 * matched to a zone by the code in a named property: a known zone of the cooperative gets the outline (or stays as it
 * is when it is the same), an unknown code with name, crop and area properties registers the zone. Problems are
 * reported per feature (row = its position, 1 for the first) with the same shape as a sheet's; a dry run and a
 * commit behave as for sheets (one transaction, all or nothing).
 */
@ApplicationScoped
public class GeoZones {

    @Inject
    Zones zones;

    @Inject
    ImportLookups lookups;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** One placemark or feature: its properties and its outline as the format gave it. */
    record Feature(int number, Map<String, String> properties, String outline, boolean kml) {}

    @Transactional
    public ImportResult run(
            Path file,
            Spreadsheets.Format format,
            String codeProperty,
            String cooperativeId,
            Locale locale,
            boolean dryRun)
            throws IOException {
        String property = codeProperty == null || codeProperty.isBlank() ? "code" : codeProperty.strip();
        List<Feature> features = format == Spreadsheets.Format.KML ? kml(file, locale) : geoJson(file, locale);
        List<ImportProblem> problems = new ArrayList<>();
        int[] counts = new int[3];
        if (features.isEmpty()) {
            problems.add(new ImportProblem(0, "geometry", Messages.text(locale, "geo.noFeatures")));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Feature f : features) {
            String code = ImportLookups.zoneCode(property(f.properties(), property));
            if (code == null) {
                problems.add(new ImportProblem(f.number(), property, Messages.text(locale, "geo.noCode", property)));
                continue;
            }
            Integer first = seen.putIfAbsent(code, f.number());
            if (first != null) {
                problems.add(new ImportProblem(f.number(), property, Messages.text(locale, "row.duplicate", first)));
                continue;
            }
            try {
                counts[apply(f, code, cooperativeId).ordinal()]++;
            } catch (GeometryException e) {
                problems.add(new ImportProblem(
                        f.number(), "geometry", Messages.text(locale, "row.geometry", e.getMessage())));
            } catch (CellProblem e) {
                problems.add(new ImportProblem(f.number(), property, Messages.text(locale, e.messageKey(), e.args())));
            } catch (ProblemException e) {
                reported(problems, f.number(), e);
            } catch (DomainException e) {
                reported(problems, f.number(), ProblemMappers.problem(e));
            }
        }
        boolean commit = !dryRun && problems.isEmpty();
        if (!commit) {
            transactions.setRollbackOnly();
        }
        return new ImportResult(
                "zones", dryRun, commit, features.size(), counts[0], counts[1], counts[2], problems, List.of());
    }

    private static void reported(List<ImportProblem> problems, int number, ProblemException e) {
        if (e.violations().isEmpty()) {
            problems.add(new ImportProblem(number, "", e.getMessage()));
        }
        e.violations().forEach(v -> problems.add(new ImportProblem(number, v.field(), v.message())));
    }

    private RowTarget.Outcome apply(Feature f, String code, String cooperativeId) {
        ZoneGeometry outline = f.kml() ? KmlImport.read(f.outline()) : ZoneGeometry.parse(f.outline());
        MaterialZone existing = lookups.zone(code);
        if (existing == null) {
            String name = property(f.properties(), "name");
            String crop = property(f.properties(), "crop");
            String area = property(f.properties(), "area");
            if (name == null || crop == null || area == null) {
                throw new CellProblem("code", "geo.unknownZone", code);
            }
            BigDecimal hectares;
            try {
                hectares = new BigDecimal(area.replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new CellProblem("code", "cell.decimal", area);
            }
            zones.create(new ZoneCommand(
                    cooperativeId,
                    code,
                    name,
                    null,
                    property(f.properties(), "commune"),
                    property(f.properties(), "district"),
                    property(f.properties(), "province"),
                    crop,
                    property(f.properties(), "variety"),
                    hectares,
                    null,
                    null,
                    List.of(),
                    f.kml()
                            ? null
                            : JSON.createReader(new java.io.StringReader(f.outline()))
                                    .readObject(),
                    f.kml() ? f.outline() : null,
                    null));
            return RowTarget.Outcome.CREATED;
        }
        if (!existing.getCooperative().getId().equals(cooperativeId)) {
            throw new CellProblem("code", "row.foreignZone", code);
        }
        if (outline.toGeoJson().equals(existing.getGeometryJson())) {
            return RowTarget.Outcome.UNCHANGED;
        }
        zones.replaceGeometry(existing.getId(), f.outline(), f.kml());
        return RowTarget.Outcome.UPDATED;
    }

    /** A property by name, compared case-insensitively. */
    static String property(Map<String, String> properties, String name) {
        String v = properties.get(name);
        if (v == null) {
            for (Map.Entry<String, String> e : properties.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    v = e.getValue();
                }
            }
        }
        return Texts.clean(v);
    }

    private static List<Feature> geoJson(Path file, Locale locale) throws IOException {
        JsonObject doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = JSON.createReader(in).readObject();
        } catch (JsonException | ClassCastException e) {
            throw FileProblem.unsupported(locale);
        }
        List<Feature> out = new ArrayList<>();
        JsonValue list = doc.get("features");
        if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
            return out;
        }
        int n = 0;
        for (JsonValue v : list.asJsonArray()) {
            n++;
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            JsonObject feature = v.asJsonObject();
            Map<String, String> props = new HashMap<>();
            JsonValue p = feature.get("properties");
            if (p != null && p.getValueType() == JsonValue.ValueType.OBJECT) {
                p.asJsonObject().forEach((k, val) -> {
                    if (val instanceof JsonString s) {
                        props.put(k, s.getString());
                    } else if (val instanceof JsonNumber num) {
                        props.put(k, num.bigDecimalValue().toPlainString());
                    }
                });
            }
            JsonValue g = feature.get("geometry");
            out.add(new Feature(n, props, g == null ? "null" : g.toString(), false));
        }
        return out;
    }

    private static List<Feature> kml(Path file, Locale locale) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            doc = f.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw FileProblem.unsupported(locale);
        }
        List<Feature> out = new ArrayList<>();
        NodeList placemarks = doc.getElementsByTagNameNS("*", "Placemark");
        for (int i = 0; i < placemarks.getLength(); i++) {
            Element pm = (Element) placemarks.item(i);
            Map<String, String> props = new HashMap<>();
            text(pm, "name").ifPresent(v -> props.put("name", v));
            NodeList data = pm.getElementsByTagNameNS("*", "Data");
            for (int d = 0; d < data.getLength(); d++) {
                Element e = (Element) data.item(d);
                text(e, "value").ifPresent(v -> props.put(e.getAttribute("name"), v));
            }
            NodeList simple = pm.getElementsByTagNameNS("*", "SimpleData");
            for (int d = 0; d < simple.getLength(); d++) {
                Element e = (Element) simple.item(d);
                props.put(e.getAttribute("name"), e.getTextContent());
            }
            out.add(new Feature(i + 1, props, standalone(pm), true));
        }
        return out;
    }

    private static java.util.Optional<String> text(Element parent, String localName) {
        NodeList l = parent.getElementsByTagNameNS("*", localName);
        return l.getLength() == 0
                ? java.util.Optional.empty()
                : java.util.Optional.of(l.item(0).getTextContent());
    }

    /** One placemark as a KML document of its own (what the zone's KML outline reader takes). */
    private static String standalone(Element placemark) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(placemark), new StreamResult(w));
            return "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>" + w + "</Document></kml>";
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
