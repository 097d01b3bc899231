/**
 * Statistics for the commune, the province and each cooperative: counts and sums computed in the database (JPQL
 * GROUP BY, never rows loaded into Java), limited to what the caller may read, by Vietnamese calendar day.
 */
package vn.temso.stats.control;
