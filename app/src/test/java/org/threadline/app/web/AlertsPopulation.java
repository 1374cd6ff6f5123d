package org.threadline.app.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.threadline.domain.indicators.alerts.Alert;

/**
 * A population large enough for the shipped rulebooks to raise alerts (400 people, seed 3: 27 Operation Encompass
 * alerts for schools and 2 MARAC referrals for police; the 150-person population has no domestic abuse incident in a
 * child's household), built once per JVM with its alerts raised through the rule engine ({@link RaisedAlerts}).
 */
final class AlertsPopulation {
    private static TestApp shared;
    private static List<Alert> raised;

    private AlertsPopulation() {
    }

    static synchronized TestApp shared() throws Exception {
        if (shared == null) {
            Path folder = Files.createTempDirectory("threadline-web-alerts");
            shared = BuiltPopulation.start(folder, 400, 3);
            raised = RaisedAlerts.raise(shared, shared.clock.instant());
            TestApp app = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                try (var files = Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (java.io.IOException e) {
                    // a temporary folder left behind
                }
            }));
        }
        return shared;
    }

    /** The alerts as raised, before any test took a step on them. */
    static synchronized List<Alert> raised() throws Exception {
        shared();
        return raised;
    }
}
