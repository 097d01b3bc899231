package vn.temso.cooperative.entity;

/**
 * A cooperative's details changed (name, address, identifiers): fired synchronously inside the transaction that
 * changed them, so observers (the national-portal records of its lots) record the consequence atomically.
 */
public record CooperativeChanged(Cooperative cooperative) {}
