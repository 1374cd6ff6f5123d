package org.threadline.synth.names;

import org.threadline.synth.resources.ResourceCsv;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The weighted name lists, loaded once from the CSV resources and immutable afterwards. Forenames have one weight column
 * per birth era (the header names the year each era is centred on, e.g. {@code b1965}); a birth year uses the nearest era.
 */
final class NameTables {

    static final String FORENAMES = "/org/threadline/synth/names/forenames.csv";
    static final String SURNAMES = "/org/threadline/synth/names/surnames.csv";
    static final String MUHAMMAD_SPELLINGS = "/org/threadline/synth/names/muhammad_spellings.csv";

    private final int[] eraYears;
    private final Map<Heritage, Map<Sex, WeightedNames[]>> forenames;
    private final Map<Heritage, WeightedNames> surnames;
    private final Map<Heritage, WeightedNames> muhammadSpellings;

    private NameTables(int[] eraYears, Map<Heritage, Map<Sex, WeightedNames[]>> forenames,
                       Map<Heritage, WeightedNames> surnames, Map<Heritage, WeightedNames> muhammadSpellings) {
        this.eraYears = eraYears;
        this.forenames = forenames;
        this.surnames = surnames;
        this.muhammadSpellings = muhammadSpellings;
    }

    static NameTables load() {
        ResourceCsv csv = ResourceCsv.load(FORENAMES);
        List<String> eraColumns = csv.header().subList(3, csv.header().size());
        int[] eraYears = eraColumns.stream().mapToInt(c -> Integer.parseInt(c.substring(1))).toArray();
        // heritage -> sex -> name -> weights per era, kept in file order so draws are reproducible.
        Map<Heritage, Map<Sex, Map<String, double[]>>> raw = new EnumMap<>(Heritage.class);
        for (List<String> row : csv.rows()) {
            double[] weights = new double[eraYears.length];
            for (int e = 0; e < weights.length; e++) {
                weights[e] = Double.parseDouble(row.get(3 + e));
            }
            raw.computeIfAbsent(Heritage.valueOf(row.get(0)), h -> new EnumMap<>(Sex.class))
                    .computeIfAbsent(Sex.valueOf(row.get(1)), s -> new LinkedHashMap<>())
                    .put(row.get(2), weights);
        }
        Map<Heritage, Map<Sex, WeightedNames[]>> forenames = new EnumMap<>(Heritage.class);
        raw.forEach((heritage, bySex) -> {
            Map<Sex, WeightedNames[]> tables = new EnumMap<>(Sex.class);
            bySex.forEach((sex, byName) -> {
                WeightedNames[] perEra = new WeightedNames[eraYears.length];
                List<String> names = new ArrayList<>(byName.keySet());
                for (int e = 0; e < eraYears.length; e++) {
                    final int era = e;
                    perEra[e] = new WeightedNames(names,
                            byName.values().stream().mapToDouble(w -> w[era]).toArray());
                }
                tables.put(sex, perEra);
            });
            forenames.put(heritage, tables);
        });
        return new NameTables(eraYears, forenames, weightedByHeritage(SURNAMES), weightedByHeritage(MUHAMMAD_SPELLINGS));
    }

    /** Reads a {@code heritage,name,weight} table. */
    private static Map<Heritage, WeightedNames> weightedByHeritage(String resource) {
        Map<Heritage, Map<String, Double>> raw = new EnumMap<>(Heritage.class);
        for (List<String> row : ResourceCsv.load(resource).rows()) {
            raw.computeIfAbsent(Heritage.valueOf(row.get(0)), h -> new LinkedHashMap<>())
                    .put(row.get(1), Double.parseDouble(row.get(2)));
        }
        Map<Heritage, WeightedNames> tables = new EnumMap<>(Heritage.class);
        raw.forEach((h, byName) -> tables.put(h, new WeightedNames(new ArrayList<>(byName.keySet()),
                byName.values().stream().mapToDouble(Double::doubleValue).toArray())));
        return tables;
    }

    /** Index of the era whose centre year is nearest the birth year. */
    int era(int birthYear) {
        int best = 0;
        for (int e = 1; e < eraYears.length; e++) {
            if (Math.abs(eraYears[e] - birthYear) < Math.abs(eraYears[best] - birthYear)) {
                best = e;
            }
        }
        return best;
    }

    String forename(Heritage listOwner, Sex sex, int birthYear, RandomGenerator r) {
        Map<Sex, WeightedNames[]> bySex = forenames.get(listOwner);
        if (bySex == null || !bySex.containsKey(sex)) {
            throw new IllegalStateException("no " + sex + " forenames for " + listOwner);
        }
        return bySex.get(sex)[era(birthYear)].sample(r);
    }

    /** A surname from the heritage's own list; empty for patronymic traditions, which have none. */
    Optional<String> surname(Heritage listOwner, RandomGenerator r) {
        WeightedNames table = surnames.get(listOwner);
        return table == null ? Optional.empty() : Optional.of(table.sample(r));
    }

    /** The Muhammad spelling used in this tradition; the common British spelling if it has no table of its own. */
    String muhammad(Heritage heritage, RandomGenerator r) {
        WeightedNames table = muhammadSpellings.get(heritage);
        return table == null ? "Mohammed" : table.sample(r);
    }
}
