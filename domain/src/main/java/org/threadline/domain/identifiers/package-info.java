/**
 * The identifiers agencies use for people and places, and what makes one well formed: NHS number ({@link
 * org.threadline.domain.identifiers.NhsNumber}), Unique Pupil Number ({@link org.threadline.domain.identifiers.Upn}),
 * PNC ID ({@link org.threadline.domain.identifiers.PncId}), National Insurance number ({@link
 * org.threadline.domain.identifiers.NiNumber}) and postcode ({@link org.threadline.domain.identifiers.Postcode}).
 *
 * <p>Each class normalises raw input, checks it and returns an {@link org.threadline.domain.identifiers.IdentifierCheck}
 * whose {@link org.threadline.domain.identifiers.CheckReason} says why a value is valid, pseudo or invalid, and offers
 * the deterministic generation helpers the synthetic population uses (test-range NHS numbers, UPNs and PNC IDs built
 * from parts). Identifiers are always strings, never numbers, so leading zeros survive. Nothing here reads the clock:
 * the century pivot for short-form PNC years takes a reference year.
 *
 * <p>The formats, check algorithms and verified test vectors are described in the shared data dictionary, DOMAIN.md
 * section 1 (identifiers) and section 7 (verification log); items it marks UNCONFIRMED, such as the UPN LA-code list,
 * are deliberately not enforced.
 */
package org.threadline.domain.identifiers;
