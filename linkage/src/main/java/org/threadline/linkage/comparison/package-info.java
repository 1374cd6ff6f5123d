/**
 * Comparison functions: the level predicates that a model's comparison ladders are made of.
 *
 * <p>A comparison in a Fellegi-Sunter model is an ordered ladder of levels (null, exact, fuzzy at thresholds,
 * else). Each level asks one question of a pair of field values: do the names agree by Jaro-Winkler above 0.92,
 * are the dates of birth a day-month transposition, do the postcodes share a sector, are both NHS numbers valid
 * and different. This package owns those questions and nothing else: which levels a comparison has, and their
 * weights, belong to the model.
 *
 * <p>Everything here is a pure static function of plain {@code String}s and {@code int}s: no state, thread-safe,
 * and allocation-free or nearly so, because scoring calls these functions hundreds of millions of times and is
 * where the engine's speed is won or lost. Work that depends on one record only (phonetic codes, parsed dates,
 * term frequencies) is done once per record or once per column, never once per pair.
 *
 * <p>Arguments are non-null unless a method says otherwise; missing values are the ladder's null level, decided
 * before these functions are called.
 */
package org.threadline.linkage.comparison;
