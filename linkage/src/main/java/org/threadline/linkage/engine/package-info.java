/**
 * The engine: a model document compiled against a set of records (its level ladders and blocking rules turned into
 * tight tests on dictionary-encoded columns), comparison vectors built for candidate pairs on every core, training
 * (u by random sampling, m by EM per blocking pass, the prior from a deterministic rule), scoring and clustering.
 * Everything the model names but this module cannot know (identifier check algorithms, familiar-name tables) is
 * supplied by the caller through {@link org.threadline.linkage.engine.Lookups}.
 */
package org.threadline.linkage.engine;
