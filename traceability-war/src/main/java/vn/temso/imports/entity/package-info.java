/** What the importer remembers: which record a row with a client id became ({@link vn.temso.imports.entity.ImportKey}). */
package vn.temso.imports.entity;
