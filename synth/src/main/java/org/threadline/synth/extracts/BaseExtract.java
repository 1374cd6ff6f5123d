package org.threadline.synth.extracts;

import java.util.List;
import org.threadline.synth.output.TableSpec;

/** What every agency extract has besides its rendering: its folder name, a description and its tables. */
abstract class BaseExtract implements AgencyExtract {
    private final String agency;
    private final String description;
    private final List<TableSpec> tables;

    BaseExtract(String agency, String description, List<TableSpec> tables) {
        this.agency = agency;
        this.description = description;
        this.tables = List.copyOf(tables);
    }

    @Override
    public final String agency() {
        return agency;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<TableSpec> tables() {
        return tables;
    }
}
