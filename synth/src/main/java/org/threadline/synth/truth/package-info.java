/**
 * The ground truth, written apart from the extracts (in {@code truth/}): who every extract row is really about,
 * the people and their families, where they lived, how they are related, the adversities they lived through and
 * the errors injected. Nothing here ever appears in an agency extract.
 */
package org.threadline.synth.truth;
