/**
 * EPCIS 2.0 events as stored: one row per event Temso produced from its records or a partner captured, with the
 * columns queries filter on, and the vocabulary (identifier URIs, Temso's own business steps) the events use.
 */
package vn.temso.epcis.entity;
