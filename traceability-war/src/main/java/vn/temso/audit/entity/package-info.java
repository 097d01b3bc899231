/**
 * One audit entry: actor, action, target and time.
 */
package vn.temso.audit.entity;
