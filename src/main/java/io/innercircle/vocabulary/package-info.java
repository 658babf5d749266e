/**
 * The shared kernel: the Target Account Selling vocabulary (buying roles, status, coverage, adaptability,
 * relationship level, sales stage, competitive strategy) used by every feature. It depends on no feature, and
 * its enum constants are the GraphQL enum values and the values stored in Neo4j.
 */
package io.innercircle.vocabulary;
