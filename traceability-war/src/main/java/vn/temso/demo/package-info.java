/**
 * The demo registry (demo/registry.json) loaded into an empty database when {@code temso.demo.enabled} is set, as a
 * start-up task of its own. It builds the features' entities, so it lives outside the platform.
 */
package vn.temso.demo;
