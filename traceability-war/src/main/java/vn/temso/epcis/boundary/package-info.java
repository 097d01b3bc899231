/**
 * The EPCIS 2.0 REST binding (a subset): {@code /epcis/events} queries, one event by id, a lot's events as an
 * EPCISDocument, and the capture interface partners post to.
 */
package vn.temso.epcis.boundary;
