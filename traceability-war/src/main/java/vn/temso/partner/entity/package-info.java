/**
 * Partners of a cooperative (a distributor, a wholesale market, a supermarket) that add EPCIS events about its lots
 * through the capture interface, each with its own API key (kept only as a hash).
 */
package vn.temso.partner.entity;
