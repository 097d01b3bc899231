/**
 * Configuration: the settings from system properties and the environment, and owner-only files for secrets.
 */
package vn.temso.platform.config;
