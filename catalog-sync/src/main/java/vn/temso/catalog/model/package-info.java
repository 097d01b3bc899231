/** The channel-neutral product model the WAR maps its OCOP product entities to; no persistence types here. */
package vn.temso.catalog.model;
