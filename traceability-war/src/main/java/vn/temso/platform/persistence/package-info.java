/**
 * The database: data source, migrations (Liquibase, checked once per changelog), health and write probes, storage-
 * fault handling, change signals between instances and paging queries.
 */
package vn.temso.platform.persistence;
