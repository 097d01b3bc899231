/**
 * Material zones (vùng trồng) over HTTP: register and update zones, set
 * their outline (GeoJSON or KML) and change their status.
 */
package vn.temso.zone.boundary;
