/**
 * The server-rendered web UI (Jakarta Faces) and its servlets for cooperatives and commune staff: dashboard,
 * registers, printing and downloads. Nothing depends on this package.
 */
package vn.temso.web;
