/**
 * EPCIS use cases: projecting Temso's records into events as they are recorded (and once for older records), the
 * query interface's search with keyset paging, and writing EPCIS documents as a stream.
 */
package vn.temso.epcis.control;
