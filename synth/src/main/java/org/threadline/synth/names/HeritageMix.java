package org.threadline.synth.names;

import org.threadline.synth.resources.ResourceCsv;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * How common each heritage is in each local authority ({@code heritage_by_local_authority.csv}), with an alias table per
 * authority for O(1) draws. Immutable after loading.
 */
final class HeritageMix {

    static final String RESOURCE = "/org/threadline/synth/names/heritage_by_local_authority.csv";

    private final Heritage[] heritages;
    private final Map<String, AliasTable> tables;
    private final Map<String, Map<Heritage, Double>> shares;

    private HeritageMix(Heritage[] heritages, Map<String, AliasTable> tables, Map<String, Map<Heritage, Double>> shares) {
        this.heritages = heritages;
        this.tables = tables;
        this.shares = shares;
    }

    static HeritageMix load() {
        ResourceCsv csv = ResourceCsv.load(RESOURCE);
        List<String> areas = csv.header().subList(1, csv.header().size());
        Heritage[] heritages = csv.rows().stream().map(row -> Heritage.valueOf(row.get(0))).toArray(Heritage[]::new);
        Map<String, AliasTable> tables = new LinkedHashMap<>();
        Map<String, Map<Heritage, Double>> shares = new LinkedHashMap<>();
        for (int a = 0; a < areas.size(); a++) {
            double[] weights = new double[heritages.length];
            double total = 0;
            for (int h = 0; h < heritages.length; h++) {
                weights[h] = Double.parseDouble(csv.rows().get(h).get(a + 1));
                total += weights[h];
            }
            Map<Heritage, Double> areaShares = new EnumMap<>(Heritage.class);
            for (int h = 0; h < heritages.length; h++) {
                areaShares.put(heritages[h], weights[h] / total);
            }
            tables.put(areas.get(a), new AliasTable(weights));
            shares.put(areas.get(a), Collections.unmodifiableMap(areaShares));
        }
        return new HeritageMix(heritages, tables, shares);
    }

    Heritage draw(String area, RandomGenerator r) {
        return heritages[table(area).sample(r)];
    }

    Map<Heritage, Double> shares(String area) {
        table(area);
        return shares.get(area);
    }

    Set<String> areas() {
        return Collections.unmodifiableSet(tables.keySet());
    }

    private AliasTable table(String area) {
        AliasTable table = tables.get(area);
        if (table == null) {
            throw new IllegalArgumentException("unknown local authority '" + area + "'; known: " + tables.keySet());
        }
        return table;
    }
}
