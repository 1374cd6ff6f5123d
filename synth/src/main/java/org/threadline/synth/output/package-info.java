/**
 * Writing agency extracts to disk: each table as CSV, XLSX or both, in that agency's conventions (delimiter,
 * charset, BOM, line ending, quoting; sheet name, title lines above the header, dates as Excel dates or text).
 *
 * <p>Start at {@link org.threadline.synth.output.TableOutput}: one per generator run, opening one
 * {@link org.threadline.synth.output.TableWriter} per table from a {@link org.threadline.synth.output.TableSpec}.
 *
 * <p>Why determinism matters: the same seed and options must give byte-identical files, so that a published data
 * set can be regenerated and checked by hash, and a change in linkage results can be traced to a change in code
 * rather than in the data. Nothing here reads the clock or depends on the machine's locale or time zone: XLSX
 * metadata and ZIP entry times come from the caller's fixed instant, characters a charset cannot hold are replaced
 * by a fixed rule, and writers are opened in a fixed order.
 *
 * <p>Why streaming: three million people give tens of millions of rows. CSV goes through one reusable buffer; XLSX
 * keeps a small window of rows in memory (POI SXSSF) and splits tables longer than Excel's 1,048,576 rows over
 * several sheets.
 */
package org.threadline.synth.output;
