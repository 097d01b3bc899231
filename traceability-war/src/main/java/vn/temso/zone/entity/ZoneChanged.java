package vn.temso.zone.entity;

/**
 * A zone's details changed (name, address, crop, certifications): fired synchronously inside the transaction that
 * changed them, so observers (the national-portal records of the lots grown there) record the consequence atomically.
 */
public record ZoneChanged(MaterialZone zone) {}
