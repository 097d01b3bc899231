/**
 * Reading back what the server produced, for the tests: QR codes decoded from images and PDF pages, text
 * extracted from PDFs. One implementation each, so every scenario reads files the same way.
 */
package vn.temso.testsupport;
