package org.threadline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.linkage.model.BlockingKey;
import org.threadline.linkage.model.BlockingTransform;
import org.threadline.linkage.model.Comparison;
import org.threadline.linkage.model.IdentifierValidator;
import org.threadline.linkage.model.LinkageModel;
import org.threadline.linkage.model.ModelJson;

class LinkCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ThreadlineCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void link_run_trains_links_and_writes_pairs_clusters_review_model_and_metrics() throws IOException {
        Path model = model();
        Path input = people();

        int code = run("link", "run", "--model", model.toString(), "--input", input.toString(), "--out",
                dir.resolve("out").toString(), "--train", "--truth", "person", "--u-pairs", "20000");

        assertThat(code).as(err.toString()).isZero();
        for (String f : new String[] {"pairs.csv", "clusters.csv", "review.csv", "model.json", "metrics.json"}) {
            assertThat(dir.resolve("out").resolve(f)).exists();
        }
        assertThat(ModelJson.read(dir.resolve("out/model.json")).isTrained()).isTrue();
        assertThat(Files.readString(dir.resolve("out/metrics.json"))).contains("pairwise_best", "bCubedPrecision");
        assertThat(out.toString()).contains("F1", "over-merged clusters");
    }

    @Test
    void link_explain_prints_the_waterfall_of_two_records() throws IOException {
        Path input = people();
        run("link", "run", "--model", model().toString(), "--input", input.toString(), "--out",
                dir.resolve("out").toString(), "--train", "--u-pairs", "20000");
        out.getBuffer().setLength(0);

        int code = run("link", "explain", "--model", dir.resolve("out/model.json").toString(), "--input",
                input.toString(), "--left", "r0", "--right", "r1");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("forename", "surname", "dob", "nhs_number");
    }

    @Test
    void an_input_without_a_model_column_is_a_usage_error_naming_file_and_column() throws IOException {
        Path input = Files.writeString(dir.resolve("bad.csv"), "id,forename\n1,ANN\n");

        int code = run("link", "run", "--model", model().toString(), "--input", input.toString(), "--out",
                dir.resolve("out").toString(), "--train");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bad.csv").contains("'surname'");
    }

    @Test
    void a_windows_1252_semicolon_file_is_read_and_a_ragged_row_is_refused_naming_file_and_row() throws IOException {
        Path good = dir.resolve("excel.csv");
        Files.write(good, ("id;forename;surname;dob;nhs_number\r\n1;Zoë;Brontë;1990-01-01;\r\n"
                + "2;Zoe;Bronte;1990-01-01;\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertThat(run("link", "run", "--model", model().toString(), "--input", good.toString(), "--out",
                dir.resolve("out").toString(), "--train", "--u-pairs", "10")).as(err.toString()).isZero();

        Path ragged = Files.writeString(dir.resolve("ragged.csv"),
                "id,forename,surname,dob,nhs_number\n1,A,B,1990-01-01,\n2,A\n");
        assertThat(run("link", "run", "--model", model().toString(), "--input", ragged.toString(), "--out",
                dir.resolve("out2").toString(), "--train")).isEqualTo(2);
        assertThat(err.toString()).contains("ragged.csv row 3");
    }

    @Test
    void an_invalid_model_is_a_usage_error_listing_its_problems() throws IOException {
        Path model = Files.writeString(dir.resolve("m.json"), "{\"format_version\": 1, \"id\": \"x\"}");

        int code = run("link", "run", "--model", model.toString(), "--input", people().toString(), "--out",
                dir.resolve("out").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("not a valid model");
    }

    private Path model() throws IOException {
        LinkageModel m = LinkageModel.builder().id("people").version(1).dedupe().uniqueIdColumn("id")
                .columns("forename", "surname", "dob", "nhs_number")
                .blockingRule("dob", BlockingKey.of("dob"))
                .blockingRule("names", BlockingKey.of("surname", BlockingTransform.FIRST_3),
                        BlockingKey.of("forename", BlockingTransform.FIRST_1))
                .comparison(Comparison.builder("forename").nullLevel().exact().familiarName(LinkageLookups.UK_FORENAMES)
                        .jaroWinkler(0.88).elseLevel())
                .comparison(Comparison.builder("surname").nullLevel().exact().jaroWinkler(0.9).elseLevel())
                .comparison(Comparison.builder("dob").nullLevel().dateExact().dateDayMonthTransposed().elseLevel())
                .comparison(Comparison.builder("nhs_number").nullLevel()
                        .identifierBothValidEqual(IdentifierValidator.NHS_NUMBER)
                        .identifierBothValidDifferent(IdentifierValidator.NHS_NUMBER).elseLevel())
                .thresholds(3, 0, -6).build();
        Path file = dir.resolve("model.json");
        ModelJson.write(m, file);
        return file;
    }

    /** Synthetic people with a second, slightly different record each for half of them. */
    private Path people() throws IOException {
        String[] forenames = {"WILLIAM", "SUSAN", "MOHAMMED", "AMELIA", "JACK", "GRACE", "ALI", "MARGARET"};
        String[] surnames = {"SMITH", "KHAN", "JONES", "PATEL", "WOOD", "SINGH", "BROWN", "AHMED", "HUGHES"};
        SplittableRandom r = new SplittableRandom(3);
        List<String> lines = new ArrayList<>(List.of("id,person,forename,surname,dob,nhs_number"));
        int id = 0;
        for (int p = 0; p < 300; p++) {
            String fore = forenames[r.nextInt(forenames.length)];
            String sur = surnames[r.nextInt(surnames.length)];
            String dob = String.format("%d-%02d-%02d", 1950 + r.nextInt(60), 1 + r.nextInt(12), 1 + r.nextInt(28));
            String nhs = org.threadline.domain.identifiers.NhsNumber.testRange(p * 7L).value();
            lines.add("r" + id++ + "," + p + "," + fore + "," + sur + "," + dob + "," + nhs);
            if (p % 2 == 0) {
                String familiar = fore.equals("WILLIAM") ? "BILL" : fore.equals("SUSAN") ? "SUE" : fore;
                lines.add("r" + id++ + "," + p + "," + familiar + "," + sur + "," + dob + "," + (p % 4 == 0 ? "" : nhs));
            }
        }
        return Files.write(dir.resolve("people.csv"), lines);
    }
}
