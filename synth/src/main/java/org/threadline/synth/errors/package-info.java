/**
 * The error model: the slips agencies really make (typos, OCR-like confusions, familiar forenames, swapped names,
 * day/month transposition, missing and sentinel values, stale addresses, postcode typos, invalid check digits,
 * duplicate records), each at a configurable rate, and each one injected is logged to the truth so tests and
 * linkage evaluation can see exactly what was done.
 */
package org.threadline.synth.errors;
