package org.threadline.linkage.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a model into the tree {@link CanonicalJson} prints, fixing the order of every key. */
final class ModelWriter {
    private ModelWriter() {}

    static String write(LinkageModel m) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format_version", ModelJson.FORMAT_VERSION);
        doc.put("id", m.id());
        doc.put("version", m.version());
        putIfPresent(doc, "description", m.description());
        doc.put("link_type", m.linkType() == null ? null : m.linkType().jsonName());
        doc.put("unique_id_column", m.uniqueIdColumn());
        putIfPresent(doc, "source_column", m.sourceColumn());
        doc.put("columns", m.columns());
        doc.put("blocking_rules", m.blockingRules().stream().map(ModelWriter::rule).toList());
        doc.put("comparisons", m.comparisons().stream().map(ModelWriter::comparison).toList());
        putIfPresent(doc, "prior", m.prior());
        if (m.thresholds() != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("join", m.thresholds().join());
            t.put("review_low", m.thresholds().reviewLow());
            t.put("fracture", m.thresholds().fracture());
            if (m.thresholds().joinRule() != JoinRule.FIXED) {
                t.put("join_rule", m.thresholds().joinRule().jsonName());
            }
            doc.put("thresholds", new CanonicalJson.Inline(t));
        }
        if (m.training() != null) {
            doc.put("training", training(m.training()));
        }
        return CanonicalJson.print(doc);
    }

    private static Map<String, Object> rule(BlockingRule rule) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", rule.name());
        r.put("keys", rule.keys().stream().map(k -> {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("column", k.column());
            key.put("transform", k.transform() == null ? null : k.transform().jsonName());
            return new CanonicalJson.Inline(key);
        }).toList());
        if (!rule.train()) {
            r.put("train", false);
        }
        return r;
    }

    private static Map<String, Object> comparison(Comparison c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", c.name());
        out.put("columns", c.columns());
        out.put("term_frequency_adjustments", c.termFrequencyAdjustments());
        out.put("levels", c.levels().stream().map(ModelWriter::level).toList());
        return out;
    }

    private static Map<String, Object> level(ComparisonLevel level) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", level.label());
        out.put("kind", level.kind() == null ? null : level.kind().jsonName());
        if (!level.parameters().isEmpty()) {
            out.put("parameters", new CanonicalJson.Inline(level.parameters()));
        }
        putIfPresent(out, "m_probability", level.mProbability());
        putIfPresent(out, "u_probability", level.uProbability());
        return out;
    }

    private static Map<String, Object> training(TrainingMetadata t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trained_at", t.trainedAt());
        out.put("records", t.records());
        out.put("pairs", t.pairs());
        out.put("passes", t.passes().stream().map(p -> {
            Map<String, Object> pass = new LinkedHashMap<>();
            pass.put("name", p.name());
            pass.put("iterations", p.iterations());
            pass.put("converged", p.converged());
            return new CanonicalJson.Inline(pass);
        }).toList());
        return out;
    }

    private static void putIfPresent(Map<String, Object> doc, String key, Object value) {
        if (value != null) {
            doc.put(key, value);
        }
    }
}
