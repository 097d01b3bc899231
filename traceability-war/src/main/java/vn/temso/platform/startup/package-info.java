/**
 * Start-up of the application: runs the work features register, in order, once the schema is migrated.
 */
package vn.temso.platform.startup;
