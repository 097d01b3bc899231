package vn.temso.zone.entity;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the polygons of a KML document (Google Earth, QGIS and most field apps export zones as KML). Only
 * Polygon outer and inner boundaries are used; DTDs and external entities are refused.
 */
public final class KmlImport {

    private KmlImport() {
    }

    public static ZoneGeometry read(String kml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        List<List<double[][]>> polygons = new ArrayList<>();
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new StringReader(kml));
            List<double[][]> current = null;
            boolean inOuter = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamReader.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "Polygon" -> current = new ArrayList<>();
                        case "outerBoundaryIs" -> inOuter = true;
                        case "innerBoundaryIs" -> inOuter = false;
                        case "coordinates" -> {
                            if (current != null) {
                                double[][] ring = coordinates(r.getElementText());
                                if (inOuter) {
                                    current.add(0, ring);
                                } else {
                                    current.add(ring);
                                }
                            }
                        }
                        default -> { }
                    }
                } else if (ev == XMLStreamReader.END_ELEMENT && "Polygon".equals(r.getLocalName()) && current != null) {
                    polygons.add(current);
                    current = null;
                }
            }
        } catch (XMLStreamException e) {
            throw new GeometryException("the KML document is not well-formed XML");
        }
        if (polygons.isEmpty()) {
            throw new GeometryException("the KML document contains no Polygon");
        }
        return ZoneGeometry.ofPolygons(polygons);
    }

    private static double[][] coordinates(String text) {
        String[] tuples = text.trim().split("\\s+");
        List<double[]> pts = new ArrayList<>();
        for (String t : tuples) {
            if (t.isEmpty()) {
                continue;
            }
            String[] parts = t.split(",");
            if (parts.length < 2) {
                throw new GeometryException("KML coordinates must be 'longitude,latitude[,altitude]' (got '"
                        + (t.length() > 40 ? t.substring(0, 40) : t) + "')");
            }
            try {
                pts.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
            } catch (NumberFormatException e) {
                throw new GeometryException("KML coordinates contain a value that is not a number");
            }
        }
        return pts.toArray(new double[0][]);
    }
}
