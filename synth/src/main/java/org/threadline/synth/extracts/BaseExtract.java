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

    /** What to do with an event and its number within the lineage (record keys are made from the number). */
    @FunctionalInterface
    interface NumberedEvent {
        void accept(org.threadline.synth.population.LifeEvent event, int number);
    }

    /** Visits the lineage's events on or after {@code from}, with their numbers. */
    static void eventsFrom(ExtractContext ctx, int from, NumberedEvent action) {
        List<org.threadline.synth.population.LifeEvent> events = ctx.lineage().events();
        for (int k = 0; k < events.size(); k++) {
            if (events.get(k).day() >= from) {
                action.accept(events.get(k), k);
            }
        }
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
