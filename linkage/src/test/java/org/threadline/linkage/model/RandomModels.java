package org.threadline.linkage.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Valid models drawn from a seeded random source, trained or not, for round-trip properties. */
final class RandomModels {
    private static final String[] ALPHABET = {"a", "b", "z", "_", " ", "é", "\"", "\\", "\n", "/", "ß", "😀", "\u0001"};

    private final SplittableRandom random;

    RandomModels(SplittableRandom random) {
        this.random = random;
    }

    LinkageModel next() {
        List<String> columns = new ArrayList<>();
        int columnCount = random.nextInt(2, 7);
        for (int i = 0; i < columnCount; i++) {
            columns.add("col_" + i + text(3));
        }
        LinkageModelBuilder builder = LinkageModel.builder().id("m-" + text(6)).version(random.nextInt(1, 1000))
                .uniqueIdColumn("id").columns(columns.toArray(String[]::new));
        if (random.nextBoolean()) {
            builder.description(text(40));
        }
        if (random.nextBoolean()) {
            builder.dedupe();
        } else {
            builder.link("source");
        }
        for (int r = 0, n = random.nextInt(1, 4); r < n; r++) {
            List<BlockingKey> keys = new ArrayList<>();
            for (int k = 0, kn = random.nextInt(1, 3); k < kn; k++) {
                keys.add(BlockingKey.of(pick(columns), pick(BlockingTransform.values())));
            }
            builder.blockingRule("rule " + r + text(4), keys.toArray(BlockingKey[]::new));
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (int c = 0, n = random.nextInt(1, 5); c < n; c++) {
            comparisons.add(comparison("comparison " + c + text(3), columns));
        }
        comparisons.forEach(builder::comparison);
        double a = bigOrSmall();
        double b = bigOrSmall();
        double cc = bigOrSmall();
        double[] t = {a, b, cc};
        java.util.Arrays.sort(t);
        builder.thresholds(t[2], t[1], t[0]);
        LinkageModel model = builder.build();
        return random.nextBoolean() ? model : train(model);
    }

    private Comparison comparison(String name, List<String> columns) {
        boolean pair = random.nextInt(4) == 0;
        ComparisonBuilder b = Comparison.builder(name);
        if (pair) {
            b.columns(columns.get(0), columns.get(1)).nullLevel().exact().nameSwap();
        } else {
            b.columns(pick(columns));
            if (random.nextBoolean()) {
                b.nullLevel();
            }
            b.exact();
            if (random.nextBoolean()) {
                b.termFrequencyAdjustments();
            }
        }
        for (int i = 0, n = random.nextInt(0, 4); i < n; i++) {
            switch (random.nextInt(5)) {
                case 0 -> b.jaroWinkler(random.nextDouble());
                case 1 -> b.damerauLevenshtein(random.nextInt(1, 5));
                case 2 -> b.dateWithinDays(random.nextInt(1, 400));
                case 3 -> b.arrayOverlap(random.nextInt(1, 4));
                default -> b.familiarName(text(8) + "x");
            }
            b.labelled("level " + i + text(5));
        }
        return b.elseLevel().build();
    }

    private LinkageModel train(LinkageModel model) {
        Map<String, Map<String, LevelProbabilities>> p = new LinkedHashMap<>();
        for (Comparison c : model.comparisons()) {
            List<ComparisonLevel> scoring = c.levels().stream().filter(l -> l.kind() != LevelKind.NULL).toList();
            double[] m = shares(scoring.size());
            double[] u = shares(scoring.size());
            Map<String, LevelProbabilities> byLabel = new LinkedHashMap<>();
            for (int i = 0; i < scoring.size(); i++) {
                byLabel.put(scoring.get(i).label(), new LevelProbabilities(m[i], u[i]));
            }
            p.put(c.name(), byLabel);
        }
        double prior = Math.max(Double.MIN_NORMAL, random.nextDouble() * Math.pow(10, -random.nextInt(0, 9)));
        TrainingMetadata training = random.nextBoolean() ? null : new TrainingMetadata("2026-01-0"
                + random.nextInt(1, 10) + "T00:00:00Z", random.nextLong(0, Long.MAX_VALUE), random.nextInt(0, 99),
                List.of(new TrainingPass(text(5) + "p", random.nextInt(0, 100), random.nextBoolean())));
        return model.withParameters(prior, p, training);
    }

    /** Positive shares of 1, some tiny. */
    private double[] shares(int n) {
        double[] s = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            s[i] = 1e-12 + random.nextDouble() * Math.pow(10, -random.nextInt(0, 8));
            sum += s[i];
        }
        for (int i = 0; i < n; i++) {
            s[i] /= sum;
        }
        return s;
    }

    private double bigOrSmall() {
        return (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-10, 20));
    }

    private String text(int max) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = random.nextInt(0, max + 1); i < n; i++) {
            s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }
}
