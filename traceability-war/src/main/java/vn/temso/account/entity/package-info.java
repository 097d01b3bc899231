/**
 * A user account with its role and cooperative, and its session tokens.
 */
package vn.temso.account.entity;
