/**
 * A cooperative and its kind.
 */
package vn.temso.cooperative.entity;
