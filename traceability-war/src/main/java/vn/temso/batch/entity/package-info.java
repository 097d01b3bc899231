/**
 * A harvest batch (lot) with its diary of events (planting, treatment, harvest, packing, shipping) and the rules
 * that keep it consistent.
 */
package vn.temso.batch.entity;
