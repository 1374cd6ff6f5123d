/**
 * Forenames as agencies really record them. {@link org.threadline.domain.names.FamiliarForms} owns the project's UK
 * familiar-name table (nickname to formal forename, {@code familiar-forms.csv}), which lets the standardiser and the
 * linkage comparisons treat "Bill" and "William" as the same forename, and lets the synthetic-population generator put
 * familiar forms into police, health and housing records the way real feeds do.
 *
 * <p>The table is written by the project for the West Midlands population: English, Welsh, Irish, Punjabi/Sikh,
 * South Asian Muslim, Yoruba and Igbo, Polish and Russian forenames. It is not copied from a third-party nickname list.
 * Spelling variants (Mohammed/Muhammad) and name-order conventions are a separate concern and do not belong here.
 *
 * <p>Background: the shared data dictionary, DOMAIN.md section 2.2 (names), explains why the DfE census holds the
 * forename in full while other agencies hold familiar forms, and why a US-derived nickname list is not reused.
 */
package org.threadline.domain.names;
