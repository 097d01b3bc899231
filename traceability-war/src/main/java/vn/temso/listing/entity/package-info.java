/**
 * What is listed where: a product's listing per channel, the state of each generated feed, and the push outbox rows.
 */
package vn.temso.listing.entity;
