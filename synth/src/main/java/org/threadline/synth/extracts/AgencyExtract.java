package org.threadline.synth.extracts;

import java.util.List;
import org.threadline.synth.output.TableSpec;

/** One agency's extract: the tables it shares and how it would record a lineage's lives in them. */
public interface AgencyExtract {

    /** The folder name and agency key, e.g. {@code police}. */
    String agency();

    /** A sentence for the manifest and the demo: who this is and what they hold. */
    String description();

    /** The tables, in the order {@link Row#table()} indexes them. */
    List<TableSpec> tables();

    /** Renders the rows this agency would hold about one lineage. */
    void render(ExtractContext context, RowSink sink);
}
