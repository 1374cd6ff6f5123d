package org.threadline.app.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.threadline.intake.quality.Scorecard;
import org.threadline.intake.quality.ScorecardHtml;

/**
 * Keeps each load's scorecard under {@code reports/quality/<definition id>/}: {@code <sha256>.json} and
 * {@code .html}, and {@code latest.json}, against which the next load of the feed measures its drift.
 */
public final class QualityReports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private QualityReports() {
    }

    /** Writes the scorecard (with drift against the feed's previous load) and returns the HTML page's path. */
    public static Path write(Path reports, String definitionId, Scorecard scorecard) throws IOException {
        Path folder = reports.resolve("quality").resolve(definitionId);
        Files.createDirectories(folder);
        Path latest = folder.resolve("latest.json");
        Scorecard card = Files.exists(latest)
                ? scorecard.withDriftFrom(JSON.readValue(latest.toFile(), Scorecard.class)) : scorecard;
        JSON.writeValue(folder.resolve(card.sha256() + ".json").toFile(), card);
        JSON.writeValue(latest.toFile(), card);
        Path html = folder.resolve(card.sha256() + ".html");
        Files.writeString(html, ScorecardHtml.render(card), StandardCharsets.UTF_8);
        return html;
    }

    /** A load's scorecard as written (with its drift), if there is one. */
    public static java.util.Optional<Scorecard> read(Path reports, String definitionId, String sha256)
            throws IOException {
        Path file = reports.resolve("quality").resolve(definitionId).resolve(sha256 + ".json");
        return Files.exists(file) ? java.util.Optional.of(JSON.readValue(file.toFile(), Scorecard.class))
                : java.util.Optional.empty();
    }
}
