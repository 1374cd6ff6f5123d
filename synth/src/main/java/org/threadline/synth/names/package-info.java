/**
 * Invented, statistically realistic names for the synthetic population. {@link org.threadline.synth.names.NameBook} draws
 * a family's {@link org.threadline.synth.names.Heritage} from its local authority's mix, then forenames (weighted by birth
 * era), middle names and surnames from the weighted lists in this package's resources, applying each tradition's
 * conventions: Sikh Singh/Kaur, the Muslim Muhammad prefix and its spellings, Begum/Bibi, gendered Polish surnames,
 * Somali and Tamil patronymics, Chinese family-name-first, double-barrelled surnames and surname changes on partnership.
 *
 * <p>Every list and rate is synthetic: written for this project, not copied from any published list. All randomness comes
 * from the caller's {@link java.util.random.RandomGenerator}; the tables are loaded once and immutable, so one
 * {@code NameBook} serves every generator thread. The rates are documented in {@link org.threadline.synth.names.NamingRates}.
 */
package org.threadline.synth.names;
