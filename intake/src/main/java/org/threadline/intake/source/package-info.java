/**
 * Source definitions: a partner feed described as versioned YAML data under {@code config/sources/}.
 *
 * <p>Owns: the definition values ({@link org.threadline.intake.source.SourceDefinition},
 * {@link org.threadline.intake.source.ColumnMapping}, {@link org.threadline.intake.source.FormatHints}), the
 * canonical field vocabulary ({@link org.threadline.intake.source.CanonicalField}) and record types; loading and
 * validating them ({@link org.threadline.intake.source.SourceDefinitions}), which reports every error with its YAML
 * path before failing ({@link org.threadline.intake.source.InvalidSourceDefinitionException}); and matching an
 * extract file to the one definition whose {@code files} patterns name it.
 *
 * <p>Does not own: reading files ({@code intake.read}) or standardising values ({@code intake.standardise}); a
 * definition only says which standardiser reads each column, and its date formats are checked by building the
 * {@link org.threadline.intake.standardise.DateStandardiser} that will read them. Legal and sharing conditions of a
 * feed are not part of a definition yet.
 *
 * <p>Every definition handed out is valid and immutable. Nothing here returns null: absent options are empty
 * {@link java.util.Optional}s, lists, maps or strings. The format is documented in {@code docs/source-definitions.md}.
 */
package org.threadline.intake.source;
