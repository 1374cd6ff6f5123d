package org.threadline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KilledProcessTest {
    @TempDir
    Path folder;

    @Test
    void after_a_kill_the_next_start_takes_over_the_folder_and_sees_only_committed_work() throws Exception {
        assumeFalse(TestDatabases.server(), "only the embedded database has a folder");
        Path data = folder.resolve("db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                HoldsDatabaseOpen.class.getName(), data.toString())
                .redirectErrorStream(true).redirectInput(new File("/dev/null")).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("ready"));
            assertThat(line).as("the child JVM opened the database").isEqualTo("ready");
        }
        child.destroyForcibly().waitFor();

        List<String> notes = new ArrayList<>();
        try (Database db = Database.embedded(data); Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT text FROM note")) {
            while (rs.next()) {
                notes.add(rs.getString(1));
            }
        }
        assertThat(notes).containsExactly("committed");
    }

    @Test
    void a_folder_in_use_by_this_running_process_is_refused_with_a_clear_message() {
        assumeFalse(TestDatabases.server(), "only the embedded database has a folder");
        Path data = folder.resolve("busy");
        try (Database first = Database.embedded(data)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.embedded(data))
                    .isInstanceOf(StoreException.class).hasMessageContaining("is in use by another running Threadline process");
        }
    }
}
