/**
 * Typed domain failures ({@link vn.temso.platform.domain.InvalidField}, {@link vn.temso.platform.domain.RuleBroken})
 * that entities and control classes throw; {@code platform.problem.ProblemMappers} maps them to problem+json.
 */
package vn.temso.platform.domain;
