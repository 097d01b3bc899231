/**
 * The GS1 rules Temso relies on, in one place: GTIN lengths and check digits, and the characters and length of AI 10
 * (lot) and AI 21 (serial) values. Plain Java with no dependencies; each caller words its own messages.
 */
package vn.temso.gs1;
