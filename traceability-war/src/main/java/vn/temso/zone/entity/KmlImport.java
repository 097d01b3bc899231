package vn.temso.zone.entity;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the polygons of a KML document (Google Earth, QGIS and most field apps export zones as KML). Only
 * Polygon outer and inner boundaries are used. A document with a DOCTYPE is refused outright (no external
 * entities, no entity expansion); the JDK's own StAX parser is used whatever the server bundles. Polygons and
 * positions are counted while streaming, so a file of thousands of Polygons stops at the caps of
 * {@link ZoneGeometry} before anything is built from it.
 */
public final class KmlImport {

    private KmlImport() {}

    public static ZoneGeometry read(String kml) {
        if (kml == null || kml.isBlank()) {
            throw new GeometryException(GeometryException.Reason.NOT_READABLE, "the KML document is empty");
        }
        if (kml.length() > ZoneGeometry.MAX_TEXT_CHARS) {
            throw new GeometryException(
                    GeometryException.Reason.TOO_LARGE,
                    "the KML document is longer than " + ZoneGeometry.MAX_TEXT_CHARS + " characters");
        }
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        List<List<double[][]>> polygons = new ArrayList<>();
        int[] vertices = {0};
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new StringReader(kml));
            List<double[][]> current = null;
            boolean inOuter = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new GeometryException(
                            GeometryException.Reason.NOT_READABLE,
                            "the KML document must not have a DOCTYPE (no DTDs or entities)");
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "Polygon" -> {
                            if (polygons.size() >= ZoneGeometry.MAX_POLYGONS) {
                                throw new GeometryException(
                                        GeometryException.Reason.TOO_MANY_POLYGONS,
                                        "the KML document has more than " + ZoneGeometry.MAX_POLYGONS + " Polygons");
                            }
                            current = new ArrayList<>();
                        }
                        case "outerBoundaryIs" -> inOuter = true;
                        case "innerBoundaryIs" -> inOuter = false;
                        case "coordinates" -> {
                            if (current != null) {
                                double[][] ring = coordinates(r.getElementText(), vertices);
                                if (inOuter) {
                                    current.add(0, ring);
                                } else {
                                    current.add(ring);
                                }
                            }
                        }
                        default -> {}
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT
                        && "Polygon".equals(r.getLocalName())
                        && current != null) {
                    if (current.isEmpty()) {
                        throw new GeometryException(
                                GeometryException.Reason.MALFORMED, "a KML Polygon has no coordinates");
                    }
                    polygons.add(current);
                    current = null;
                }
            }
        } catch (XMLStreamException e) {
            throw new GeometryException(
                    GeometryException.Reason.NOT_READABLE, "the KML document is not well-formed XML");
        }
        if (polygons.isEmpty()) {
            throw new GeometryException(GeometryException.Reason.WRONG_TYPE, "the KML document contains no Polygon");
        }
        return ZoneGeometry.ofPolygons(polygons);
    }

    /** Tuples 'lon,lat[,alt]' separated by white space; counts into the document's vertex budget as it goes. */
    private static double[][] coordinates(String text, int[] vertices) {
        List<double[]> pts = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            if (++vertices[0] > ZoneGeometry.MAX_VERTICES) {
                throw new GeometryException(
                        GeometryException.Reason.TOO_MANY_VERTICES,
                        "the KML document has more than " + ZoneGeometry.MAX_VERTICES
                                + " positions in all (all rings of all Polygons)");
            }
            String t = text.substring(start, i);
            String[] parts = t.split(",", 4);
            if (parts.length < 2 || parts.length > 3) {
                throw new GeometryException(
                        GeometryException.Reason.MALFORMED,
                        "KML coordinates must be" + " 'longitude,latitude[,altitude]' (got '"
                                + (t.length() > 40 ? t.substring(0, 40) : t) + "')");
            }
            try {
                pts.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
            } catch (NumberFormatException e) {
                throw new GeometryException(
                        GeometryException.Reason.MALFORMED, "KML coordinates contain a value that is not a number");
            }
        }
        return pts.toArray(new double[0][]);
    }
}
