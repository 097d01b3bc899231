/**
 * A material zone with its code, crop, certifications and outline; outline parsing and limits (GeoJSON, KML) through
 * JTS.
 */
package vn.temso.zone.entity;
